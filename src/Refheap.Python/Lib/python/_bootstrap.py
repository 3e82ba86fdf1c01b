# Refheap's start-up: the Python-level parts of sys (streams, version_info, flags,
# implementation). Written for Refheap; runs once before __main__.
import sys
import _refheap_io


class _Stream:
    """sys.stdout / sys.stderr: text written through to the host's writers."""

    def __init__(self, fd, name, errors):
        self._fd = fd
        self.name = name
        self.encoding = 'utf-8'
        self.errors = errors
        self.closed = False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not ' + type(s).__name__)
        return _refheap_io.write(self._fd, s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        _refheap_io.flush(self._fd)

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


class _InStream:
    """sys.stdin: lines read from the host's standard input."""

    def __init__(self):
        self.name = '<stdin>'
        self.encoding = 'utf-8'
        self.errors = 'strict'
        self.closed = False

    def readline(self, size=-1):
        return _refheap_io.readline()

    def read(self, size=-1):
        parts = []
        while True:
            line = _refheap_io.readline()
            if not line:
                return ''.join(parts)
            parts.append(line)

    def readlines(self):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = _refheap_io.readline()
        if not line:
            raise StopIteration
        return line

    def isatty(self):
        return False

    def fileno(self):
        return 0

    def readable(self):
        return True

    def writable(self):
        return False

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"


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


_namespace_repr_running = set()


class _Namespace:
    """A simple attribute-based namespace (types.SimpleNamespace)."""

    # CPython's _PyNamespace_Type is a header plus a dict pointer: 24 bytes, no weakrefs.
    __slots__ = ('__dict__',)

    def __init__(self, *args, **kw):
        if args:
            raise TypeError('no positional arguments expected')
        for k in kw:
            setattr(self, k, kw[k])

    def __repr__(self):
        name = 'namespace' if type(self) is _namespace_type else type(self).__name__
        key = id(self)
        if key in _namespace_repr_running:
            return name + '(...)'
        _namespace_repr_running.add(key)
        try:
            d = self.__dict__
            return '%s(%s)' % (name, ', '.join(['%s=%r' % (k, d[k]) for k in d]))
        finally:
            _namespace_repr_running.discard(key)

    def __eq__(self, other):
        if isinstance(self, _namespace_type) and isinstance(other, _namespace_type):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), self.__dict__)


_Namespace.__name__ = _Namespace.__qualname__ = 'SimpleNamespace'
_Namespace.__module__ = 'types'
_namespace_type = _Namespace


class mappingproxy:
    """types.MappingProxyType: a read-only view of a mapping (what type.__dict__ returns)."""
    __slots__ = ('_mapping',)

    def __new__(cls, mapping):
        if isinstance(mapping, (list, tuple)) or not hasattr(type(mapping), '__getitem__'):
            raise TypeError('mappingproxy() argument must be a mapping, not %s' % type(mapping).__name__)
        self = object.__new__(cls)
        self._mapping = mapping
        return self

    def __getitem__(self, key):
        return self._mapping[key]

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    def __str__(self):
        return str(self._mapping)

    def __eq__(self, other):
        return self._mapping == other

    def __ne__(self, other):
        return self._mapping != other

    __hash__ = object.__hash__

    def __or__(self, other):
        if isinstance(other, type(self)):
            other = other._mapping
        return self._mapping | other

    def __ror__(self, other):
        return other | self._mapping


mappingproxy.__module__ = 'builtins'
sys._mappingproxy = mappingproxy


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
        if not isinstance(other, sys._generic_alias):
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


def _memory_index(index):
    """PyNumber_AsSsize_t(index, IndexError): an index-sized int, or IndexError."""
    i = index.__index__()
    if not -0x8000000000000000 <= i <= 0x7FFFFFFFFFFFFFFF:
        raise IndexError("cannot fit '%s' into an index-sized integer" % type(index).__name__)
    return i


class memoryview:
    """A view of a bytes-like object (format 'B' only; Refheap has no buffer protocol)."""

    def __init__(self, obj):
        if isinstance(obj, memoryview):
            obj._check()
            self._obj, self._range = obj._obj, obj._range
        elif isinstance(obj, (bytes, bytearray)):
            self._obj, self._range = obj, range(len(obj))
        else:
            raise TypeError("memoryview: a bytes-like object is required, not '%s'" % type(obj).__name__)
        self._released = False

    def _check(self):
        if self._released:
            raise ValueError('operation forbidden on released memoryview object')

    @property
    def obj(self):
        self._check()
        return self._obj

    @property
    def released(self):
        return self._released

    @property
    def format(self):
        self._check()
        return 'B'

    @property
    def itemsize(self):
        self._check()
        return 1

    @property
    def ndim(self):
        self._check()
        return 1

    @property
    def readonly(self):
        self._check()
        return isinstance(self._obj, bytes)

    @property
    def nbytes(self):
        self._check()
        return len(self._range)

    @property
    def shape(self):
        self._check()
        return (len(self._range),)

    @property
    def strides(self):
        self._check()
        return (self._range.step,)

    @property
    def suboffsets(self):
        self._check()
        return ()

    @property
    def c_contiguous(self):
        self._check()
        return self._range.step == 1 or len(self._range) <= 1

    f_contiguous = c_contiguous
    contiguous = c_contiguous

    def __len__(self):
        self._check()
        return len(self._range)

    def __getitem__(self, index):
        self._check()
        if isinstance(index, slice):
            view = memoryview(self)
            view._range = self._range[index]
            return view
        if not hasattr(index, '__index__'):
            raise TypeError('memoryview: invalid slice key')
        index = _memory_index(index)
        try:
            return self._obj[self._range[index]]
        except IndexError:
            raise IndexError('index out of bounds on dimension 1') from None

    def __setitem__(self, index, value):
        self._check()
        if isinstance(self._obj, bytes):
            raise TypeError('cannot modify read-only memory')
        if isinstance(index, slice):
            target = self._range[index]
            src = memoryview(value)
            if len(src) != len(target):
                raise ValueError('memoryview assignment: lvalue and rvalue have different structures')
            data = src.tobytes()
            for i, pos in enumerate(target):
                self._obj[pos] = data[i]
            return
        # memory_ass_sub: the index (converted, then bounds-checked) before the value.
        index = _memory_index(index)
        try:
            pos = self._range[index]
        except IndexError:
            raise IndexError('index out of bounds on dimension 1') from None
        if not isinstance(value, int):
            raise TypeError("memoryview: invalid type for format 'B'")
        if not 0 <= value <= 255:
            raise ValueError("memoryview: invalid value for format 'B'")
        self._obj[pos] = value

    def tobytes(self, order='C'):
        self._check()
        r = self._range
        return bytes(self._obj[r.start:r.stop:r.step] if len(r) else b'')

    def tolist(self):
        self._check()
        return list(self.tobytes())

    def hex(self, *args):
        return self.tobytes().hex(*args)

    def toreadonly(self):
        self._check()
        view = memoryview(bytes(self.tobytes()))
        return view

    def release(self):
        self._released = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.release()

    def __eq__(self, other):
        if self is other:
            return True
        if self._released or (isinstance(other, memoryview) and other._released):
            return False
        if isinstance(other, (bytes, bytearray, memoryview)):
            return self.tobytes() == bytes(other)
        return NotImplemented

    def __hash__(self):
        self._check()
        if not isinstance(self._obj, bytes):
            raise ValueError('cannot hash writable memoryview object')
        return hash(self.tobytes())

    def __iter__(self):
        return iter(self.tolist())

    def __bytes__(self):
        return self.tobytes()

    def __repr__(self):
        return '<%smemory at 0x%x>' % ('released ' if self._released else '', id(self))


import builtins
builtins.memoryview = memoryview
del builtins


class UnionType:
    """types.UnionType: int | str."""

    def __init__(self, a, b):
        args = []
        for x in (a, b):
            for y in (x.__args__ if isinstance(x, sys._union_type) else (x,)):
                y = type(None) if y is None else y
                if y not in args:
                    args.append(y)
        self.__args__ = tuple(args)

    def __or__(self, other):
        return sys._union_type(self, other)

    def __ror__(self, other):
        return sys._union_type(other, self)

    def __eq__(self, other):
        return isinstance(other, sys._union_type) and set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        def name(a):
            if a is type(None):
                return 'None'
            if isinstance(a, type):
                return a.__qualname__ if a.__module__ == 'builtins' else a.__module__ + '.' + a.__qualname__
            return repr(a)
        return ' | '.join([name(a) for a in self.__args__])


UnionType.__module__ = 'types'
sys._union_type = UnionType

sys.stdin = sys.__stdin__ = _InStream()
sys.stdout = sys.__stdout__ = _Stream(1, '<stdout>', 'strict')
sys.stderr = sys.__stderr__ = _Stream(2, '<stderr>', 'backslashreplace')
sys.version_info = version_info((3, 11, 7, 'final', 0))
sys.flags = flags((0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, False, 0, 0, False, -1))
sys.implementation = _Namespace(name='refheap', cache_tag=None, version=sys.version_info,
                                hexversion=sys.hexversion, _multiarch='x86_64-linux-gnu')


class UnraisableHookArgs(_StructSeq):
    _fields = ('exc_type', 'exc_value', 'exc_traceback', 'err_msg', 'object')
    _repr_name = 'UnraisableHookArgs'


sys._UnraisableHookArgs = UnraisableHookArgs


class float_info(_StructSeq):
    _fields = ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig',
               'mant_dig', 'epsilon', 'radix', 'rounds')
    _repr_name = 'sys.float_info'


class int_info(_StructSeq):
    _fields = ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold')
    _repr_name = 'sys.int_info'


class hash_info(_StructSeq):
    _fields = ('width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff')
    _repr_name = 'sys.hash_info'


sys.float_info = float_info((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307,
                             15, 53, 2.220446049250313e-16, 2, 1))
sys.int_info = int_info((30, 4, 4300, 640))
sys.hash_info = hash_info((64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))
del UnraisableHookArgs, mappingproxy, _Stream, _InStream, _StructSeq, version_info, flags, _Namespace, GenericAlias, UnionType, memoryview, float_info, int_info, hash_info
