"""hmac (Refheap): keyed hashing (RFC 2104) over hashlib, and compare_digest."""

import hashlib as _hashlib

__all__ = ['new', 'digest', 'compare_digest', 'HMAC']

digest_size = None

_IPAD = bytes(x ^ 0x36 for x in range(256))
_OPAD = bytes(x ^ 0x5C for x in range(256))


def _constructor_for(digestmod):
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda data=b'': _hashlib.new(digestmod, data)
    return lambda data=b'': digestmod.new(data)


class HMAC:
    """RFC 2104 HMAC class: new(), update(), digest(), hexdigest(), copy()."""

    blocksize = 64

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError('key: expected bytes or bytearray, but got %r' % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        make = _constructor_for(digestmod)
        self._outer = make()
        self._inner = make()
        self.digest_size = self._inner.digest_size
        block = getattr(self._inner, 'block_size', 64)
        if block < 16:
            block = self.blocksize
        self.block_size = block
        if len(key) > block:
            key = make(key).digest()
        key = bytes(key).ljust(block, b'\0')
        self._outer.update(key.translate(_OPAD))
        self._inner.update(key.translate(_IPAD))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return 'hmac-' + self._inner.name

    def update(self, msg):
        self._inner.update(msg)

    def copy(self):
        other = self.__class__.__new__(self.__class__)
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        return other

    def _finish(self):
        outer = self._outer.copy()
        outer.update(self._inner.digest())
        return outer

    def digest(self):
        return self._finish().digest()

    def hexdigest(self):
        return self._finish().hexdigest()


def new(key, msg=None, digestmod=''):
    """Create a new hashing object and return it."""
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The HMAC of msg under key, in one call."""
    return HMAC(key, msg, digest).digest()


def _has_buffer(x):
    return isinstance(x, (bytes, bytearray, memoryview)) or hasattr(type(x), 'tobytes')


def _buffer_bytes(x):
    if isinstance(x, (bytes, bytearray)):
        return x
    if not _has_buffer(x):
        raise TypeError("a bytes-like object is required, not '%s'" % type(x).__name__)
    return type(x).tobytes(x)


def compare_digest(a, b, /):
    """Return 'a == b' in time independent of where they differ (for equal lengths)."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError('comparing strings with non-ASCII characters is not supported')
        a = a.encode('ascii')
        b = b.encode('ascii')
    else:
        if not _has_buffer(a) and not _has_buffer(b):
            raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                            % (type(a).__name__, type(b).__name__))
        a = _buffer_bytes(a)
        b = _buffer_bytes(b)
    # Every byte of b is looked at whatever the lengths: the time depends on len(b) only.
    result = 0 if len(a) == len(b) else 1
    left = a if len(a) == len(b) else b
    for x, y in zip(left, b):
        result |= x ^ y
    return result == 0
