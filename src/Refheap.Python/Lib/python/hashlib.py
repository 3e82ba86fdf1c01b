"""hashlib (Refheap): md5, sha1, sha256, sha384, sha512, and sha3_256/384/512 where the
platform's crypto library has them, computed by .NET's IncrementalHash (OpenSSL on Linux, as
CPython's _hashlib). CPython's other guaranteed algorithms (sha224, sha3_224, blake2b, blake2s,
shake_128, shake_256) raise NotImplementedError. A hash object is a Python object holding a
native state handle, so its size and GC tracking differ from CPython's _hashlib.HASH."""

import _refheap_hashlib as _native

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'blake2s',
           'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
           'new', 'algorithms_guaranteed', 'algorithms_available', 'pbkdf2_hmac', 'file_digest')

algorithms_guaranteed = frozenset(('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
                                   'blake2b', 'blake2s', 'sha3_224', 'sha3_256', 'sha3_384',
                                   'sha3_512', 'shake_128', 'shake_256'))
algorithms_available = frozenset(_native.available())

_SIZES = {
    'md5': (16, 64), 'sha1': (20, 64), 'sha256': (32, 64), 'sha384': (48, 128),
    'sha512': (64, 128), 'sha3_256': (32, 136), 'sha3_384': (48, 104), 'sha3_512': (64, 72),
}


def _bytes_of(data):
    if isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    tobytes = getattr(type(data), 'tobytes', None)
    if tobytes is None:
        raise TypeError('object supporting the buffer API required')
    return tobytes(data)


class UnsupportedDigestmodError(ValueError):
    pass


UnsupportedDigestmodError.__module__ = '_hashlib'


class HASH:
    """A hash object: update(), digest(), hexdigest(), copy(); name, digest_size, block_size."""

    __slots__ = ('_h', 'name', 'digest_size', 'block_size')

    def update(self, obj, /):
        _native.update(self._h, _bytes_of(obj))

    def digest(self):
        return _native.digest(self._h)

    def hexdigest(self):
        return _native.digest(self._h).hex()

    def copy(self):
        other = HASH.__new__(HASH)
        other._h = _native.copy(self._h)
        other.name = self.name
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        return other

    def __repr__(self):
        return '<%s _hashlib.HASH object @ %s>' % (self.name, hex(id(self)))

    def __del__(self, _release=_native.release):
        try:
            handle = self._h
        except AttributeError:
            return
        _release(handle)


HASH.__module__ = '_hashlib'


def _make(name, data):
    handle = _native.new(name)
    h = HASH.__new__(HASH)
    h._h = handle
    h.name = name
    h.digest_size, h.block_size = _SIZES[name]
    if data:
        h.update(data)
    return h


def new(name, data=b'', **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named algorithm."""
    if not isinstance(name, str):
        raise TypeError('name must be a string')
    kwargs.pop('usedforsecurity', None)
    if kwargs:
        raise TypeError("'%s' is an invalid keyword argument for new()" % next(iter(kwargs)))
    return _make(name.lower(), data)


def _constructor(name):
    # Argument Clinic's openssl_NAME(string=b'', *, usedforsecurity=True), with its messages.
    def constructor(*args, **kwargs):
        if len(args) > 1:
            raise TypeError('openssl_%s() takes at most 1 argument (%d given)' % (name, len(args)))
        data = args[0] if args else b''
        for key in kwargs:
            if key == 'string' and not args:
                data = kwargs[key]
            elif key == 'string':
                raise TypeError("argument for openssl_%s() given by name ('string') and position (1)" % name)
            elif key != 'usedforsecurity':
                raise TypeError("'%s' is an invalid keyword argument for openssl_%s()" % (key, name))
        return _make(name, data)
    constructor.__name__ = 'openssl_' + name
    constructor.__qualname__ = 'openssl_' + name
    return constructor


md5 = _constructor('md5')
sha1 = _constructor('sha1')
sha224 = _constructor('sha224')
sha256 = _constructor('sha256')
sha384 = _constructor('sha384')
sha512 = _constructor('sha512')
sha3_224 = _constructor('sha3_224')
sha3_256 = _constructor('sha3_256')
sha3_384 = _constructor('sha3_384')
sha3_512 = _constructor('sha3_512')
blake2b = _constructor('blake2b')
blake2s = _constructor('blake2s')
shake_128 = _constructor('shake_128')
shake_256 = _constructor('shake_256')


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."""
    if not isinstance(hash_name, str):
        raise TypeError("pbkdf2_hmac() argument 'hash_name' must be str, not %s" % type(hash_name).__name__)
    password = _buffer_arg(password)
    salt = _buffer_arg(salt)
    if not isinstance(iterations, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(iterations).__name__)
    name = hash_name.lower()
    if name not in algorithms_guaranteed and name not in _SIZES:
        # What CPython's OpenSSL-backed _hashlib reports for a digest it cannot fetch.
        raise UnsupportedDigestmodError('[digital envelope routines] unsupported')
    if name not in _SIZES:
        raise NotImplementedError('hashlib.pbkdf2_hmac: %s is not available in Refheap' % name)
    if iterations < 1:
        raise ValueError('iteration value must be greater than 0.')
    if dklen is None:
        dklen = _SIZES[name][0]
    elif not isinstance(dklen, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(dklen).__name__)
    if dklen < 1:
        raise ValueError('key length must be greater than 0.')
    return _native.pbkdf2(name, password, salt, iterations, dklen)


def _buffer_arg(value):
    if isinstance(value, (bytes, bytearray)):
        return value
    tobytes = getattr(type(value), 'tobytes', None)
    if tobytes is None:
        raise TypeError("a bytes-like object is required, not '%s'" % type(value).__name__)
    return tobytes(value)


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a file-like object. Returns a digest object."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    if hasattr(fileobj, 'getbuffer'):
        digestobj.update(fileobj.getbuffer())
        return digestobj
    if not (hasattr(fileobj, 'readinto') and hasattr(fileobj, 'readable') and fileobj.readable()):
        raise ValueError(f"'{fileobj!r}' is not a file-like object in binary reading mode.")
    while True:
        data = fileobj.read(_bufsize)
        if not data:
            break
        digestobj.update(data)
    return digestobj
