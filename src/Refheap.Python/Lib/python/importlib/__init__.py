"""importlib (Refheap): import_module, reload and invalidate_caches over the interpreter's
own import system (sys.modules, the native modules, the embedded library, sys.path)."""

import sys

__all__ = ['import_module', 'reload', 'invalidate_caches']


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    """Import a module.

    The 'package' argument is required when performing a relative import. It
    specifies the package to use as the anchor point from which to resolve the
    relative import to an absolute import.

    """
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    if not name:
        raise ValueError('Empty module name')
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    """Call the invalidate_caches() method on all meta path finders stored in
    sys.meta_path (where implemented)."""


def reload(module):
    """Reload the module and return it.

    The module must have been successfully imported before.

    """
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError('reload() argument must be a module') from None
    if type(module).__name__ != 'module':
        raise TypeError('reload() argument must be a module')
    if sys.modules.get(name) is not module:
        raise ImportError(f'module {name} not in sys.modules', name=name)
    parent, _, _ = name.rpartition('.')
    if parent and parent not in sys.modules:
        raise ImportError(f'parent {parent!r} not in sys.modules', name=parent)
    file = getattr(module, '__file__', None)
    if file is None or not isinstance(file, str):
        return module
    import _refheap_io
    source = _refheap_io.read_file(file) if not file.startswith('<refheap-lib>') else None
    if source is None:
        return module
    code = compile(source, file, 'exec')
    exec(code, module.__dict__)
    return sys.modules[name]
