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
        self.__dict__.update(kw)

    def __repr__(self):
        return 'namespace(%s)' % ', '.join('%s=%r' % kv for kv in self.__dict__.items())


sys.stdout = sys.__stdout__ = _Stream(1, '<stdout>')
sys.stderr = sys.__stderr__ = _Stream(2, '<stderr>')
sys.version_info = version_info((3, 11, 7, 'final', 0))
sys.flags = flags((0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, False, 0, 0, False, 4300))
sys.implementation = _Namespace(name='refheap', cache_tag=None, version=sys.version_info,
                                hexversion=sys.hexversion, _multiarch='x86_64-linux-gnu')
del _Stream, _StructSeq, version_info, flags, _Namespace
