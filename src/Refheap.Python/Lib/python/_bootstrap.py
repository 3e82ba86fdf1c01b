# Refheap's start-up: the Python-level parts of sys (streams, version_info, flags,
# implementation). Written for Refheap; runs once before __main__.
import sys
import _refheap_io


class _Stream:
    """sys.stdout / sys.stderr: text written through to the host's writers."""

    def __init__(self, fd, name):
        self._fd = fd
        self.name = name
        self.encoding = 'utf-8'
        self.errors = 'strict'
        self.closed = False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not ' + type(s).__name__)
        return _refheap_io.write(self._fd, s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        _refheap_io.flush()

    def isatty(self):
        return False

    def fileno(self):
        return self._fd

    def writable(self):
        return True

    def readable(self):
        return False

    def __repr__(self):
        return "<_io.TextIOWrapper name='%s' mode='w' encoding='utf-8'>" % self.name


class _StructSeq(tuple):
    _fields = ()

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __getattr__(self, name):
        try:
            return self[type(self)._fields.index(name)]
        except ValueError:
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name)) from None

    def __repr__(self):
        parts = ', '.join('%s=%r' % (f, v) for f, v in zip(type(self)._fields, self))
        return '%s(%s)' % (type(self)._repr_name, parts)


class version_info(_StructSeq):
    _fields = ('major', 'minor', 'micro', 'releaselevel', 'serial')
    _repr_name = 'sys.version_info'


class flags(_StructSeq):
    _fields = ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode',
               'no_user_site', 'no_site', 'ignore_environment', 'verbose', 'bytes_warning',
               'quiet', 'hash_randomization', 'isolated', 'dev_mode', 'utf8_mode',
               'warn_default_encoding', 'safe_path', 'int_max_str_digits')
    _repr_name = 'sys.flags'


class _Namespace:
    def __init__(self, **kw):
        for k in kw:
            setattr(self, k, kw[k])

    def __repr__(self):
        d = self.__dict__
        return 'namespace(%s)' % ', '.join(['%s=%r' % (k, d[k]) for k in d])


class GenericAlias:
    """types.GenericAlias: list[int] and friends."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self.__parameters__ = ()

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.__origin__, name)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __repr__(self):
        def name(a):
            if a is ...:
                return '...'
            if isinstance(a, type):
                return a.__qualname__ if a.__module__ == 'builtins' else a.__module__ + '.' + a.__qualname__
            return repr(a)
        return '%s[%s]' % (name(self.__origin__), ', '.join([name(a) for a in self.__args__]))


sys._generic_alias = GenericAlias

sys.stdout = sys.__stdout__ = _Stream(1, '<stdout>')
sys.stderr = sys.__stderr__ = _Stream(2, '<stderr>')
sys.version_info = version_info((3, 11, 7, 'final', 0))
sys.flags = flags((0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, False, 0, 0, False, 4300))
sys.implementation = _Namespace(name='refheap', cache_tag=None, version=sys.version_info,
                                hexversion=sys.hexversion, _multiarch='x86_64-linux-gnu')
del _Stream, _StructSeq, version_info, flags, _Namespace, GenericAlias
