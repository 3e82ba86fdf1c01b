"""Convert between Python values and C structs represented as bytes (Refheap).

Native mode ('@', the default) uses the sizes and alignments of a 64-bit Linux
platform (long and pointers are 8 bytes); '=', '<', '>' and '!' use standard sizes.
"""

import sys
from operator import index as _index

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct',
           'error']


class error(Exception):
    pass


# code: (native size, standard size, kind)
_NATIVE_SIZES = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
                 'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'n': 8, 'N': 8, 'e': 2, 'f': 4, 'd': 8,
                 's': 1, 'p': 1, 'P': 8}
_STD_SIZES = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
              'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}
_SIGNED = set('bhilqn')
_UNSIGNED = set('BHILQNP')
_FLOATS = {'e': (10, 5), 'f': (23, 8), 'd': (52, 11)}


def _parse(fmt):
    if isinstance(fmt, (bytes, bytearray)):
        fmt = bytes(fmt).decode('ascii')
    elif not isinstance(fmt, str):
        raise TypeError("Struct() argument 1 must be a str or bytes object, not %s"
                        % type(fmt).__name__)
    order = '@'
    i = 0
    if fmt and fmt[0] in '@=<>!':
        order = fmt[0]
        i = 1
    native = order == '@'
    little = (order in '<') or (order in '@=' and sys.byteorder == 'little')
    sizes = _NATIVE_SIZES if native else _STD_SIZES
    items = []   # (code, count, offset, size)
    offset = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c.isspace():
            i += 1
            continue
        count = None
        if c.isdigit():
            j = i
            while j < n and fmt[j].isdigit():
                j += 1
            count = int(fmt[i:j])
            i = j
            if i >= n:
                raise error('repeat count given without format specifier')
            c = fmt[i]
        i += 1
        if c not in sizes:
            raise error('bad char in struct format')
        size = sizes[c]
        if count is None:
            count = 1
        if native and c not in 'xcspb?B' and size > 1:
            offset = (offset + size - 1) // size * size
        if c in 'sp':
            items.append((c, count, offset, count))
            offset += count
        elif c == 'x':
            offset += count
        else:
            for _ in range(count):
                items.append((c, 1, offset, size))
                offset += size
    return items, offset, little, native


def _float_to_bits(x, mbits, ebits, code):
    bias = (1 << (ebits - 1)) - 1
    sign = 0
    if x != x:
        return ((1 << ebits) - 1) << mbits | (1 << (mbits - 1))
    if x < 0 or (x == 0 and str(x).startswith('-')):
        sign = 1
        x = -x
    top = sign << (mbits + ebits)
    if x == float('inf'):
        if code != 'd':
            raise OverflowError('float too large to pack with %s format' % code)
        return top | ((1 << ebits) - 1) << mbits
    if x == 0:
        return top
    num, den = x.as_integer_ratio()
    # exponent e with 2**e <= x < 2**(e+1)
    e = num.bit_length() - den.bit_length()
    if (num << max(0, -e)) < (den << max(0, e)):
        e -= 1
    emin = 1 - bias
    if e < emin:
        shift = mbits - emin          # subnormal: x * 2**(mbits - emin)
        biased = 0
    else:
        shift = mbits - e
        biased = e + bias
    if shift >= 0:
        q, r = divmod(num << shift, den)
        twice = 2 * r
    else:
        q, r = divmod(num, den << -shift)
        twice = 2 * r
        den = den << -shift
    if twice > den or (twice == den and q & 1):
        q += 1
    if biased == 0:
        if q >> mbits:
            biased = 1
            q &= (1 << mbits) - 1
        return top | biased << mbits | q
    if q >> (mbits + 1):
        q >>= 1
        biased += 1
    if biased >= (1 << ebits) - 1:
        if code == 'd':
            return top | ((1 << ebits) - 1) << mbits
        raise OverflowError('float too large to pack with %s format' % code)
    return top | biased << mbits | (q & ((1 << mbits) - 1))


def _bits_to_float(bits, mbits, ebits):
    bias = (1 << (ebits - 1)) - 1
    sign = -1.0 if bits >> (mbits + ebits) else 1.0
    biased = (bits >> mbits) & ((1 << ebits) - 1)
    mant = bits & ((1 << mbits) - 1)
    if biased == (1 << ebits) - 1:
        if mant:
            return float('nan')
        return sign * float('inf')
    if biased == 0:
        if mant == 0:
            return sign * 0.0
        return sign * float.fromhex('0x%xp%d' % (mant, 1 - bias - mbits))
    return sign * float.fromhex('0x%xp%d' % (mant | (1 << mbits), biased - bias - mbits))


def _int_range_error(code, size, native, lo, hi, v):
    if code == 'b':
        return error('byte format requires -128 <= number <= 127')
    if code == 'B':
        return error('ubyte format requires 0 <= number <= 255')
    if code == 'h':
        return error('short format requires -32768 <= number <= 32767')
    if code == 'H':
        return error('ushort format requires 0 <= number <= 65535')
    if size == 8 or (code in _UNSIGNED and v < 0):
        return error('argument out of range')
    return error("'%s' format requires %d <= number <= %d" % (code, lo, hi))


def _pack_one(code, size, value, little, native):
    if code in _SIGNED or code in _UNSIGNED:
        try:
            v = _index(value)
        except TypeError:
            raise error('required argument is not an integer') from None
        if code in _SIGNED:
            lo, hi = -(1 << (8 * size - 1)), (1 << (8 * size - 1)) - 1
        else:
            lo, hi = 0, (1 << (8 * size)) - 1
        if not lo <= v <= hi:
            raise _int_range_error(code, size, native, lo, hi, v)
        return v.to_bytes(size, 'little' if little else 'big', signed=code in _SIGNED)
    if code in _FLOATS:
        try:
            x = float(value)
        except (TypeError, ValueError):
            raise error('required argument is not a float') from None
        mbits, ebits = _FLOATS[code]
        bits = _float_to_bits(x, mbits, ebits, code)
        return bits.to_bytes(size, 'little' if little else 'big')
    if code == '?':
        return b'\x01' if value else b'\x00'
    if code == 'c':
        if not isinstance(value, (bytes, bytearray)) or len(value) != 1:
            raise error('char format requires a bytes object of length 1')
        return bytes(value)
    raise error('bad char in struct format')


class Struct:
    """A compiled struct format."""

    def __init__(self, format):
        self._items, self.size, self._little, self._native = _parse(format)
        if isinstance(format, (bytes, bytearray)):
            format = bytes(format).decode('ascii')
        self.format = format

    def __repr__(self):
        return 'Struct(%r)' % (self.format,)

    def pack(self, *values):
        items = self._items
        if len(values) != len(items):
            raise error('pack expected %d items for packing (got %d)' % (len(items), len(values)))
        out = bytearray(self.size)
        for (code, count, offset, size), value in zip(items, values):
            if code in 'sp':
                if not isinstance(value, (bytes, bytearray)):
                    raise error("argument for '%s' must be a bytes object" % code)
                data = bytes(value)
                if code == 's':
                    data = data[:count]
                    out[offset:offset + len(data)] = data
                else:
                    if count == 0:
                        continue
                    data = data[:min(count - 1, 255)]
                    out[offset] = len(data)
                    out[offset + 1:offset + 1 + len(data)] = data
                continue
            out[offset:offset + size] = _pack_one(code, size, value, self._little, self._native)
        return bytes(out)

    def pack_into(self, buffer, offset, *values):
        data = self.pack(*values)
        if offset < 0:
            if offset + len(buffer) < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, len(buffer)))
            offset += len(buffer)
        if len(buffer) - offset < len(data):
            raise error('pack_into requires a buffer of at least %d bytes for packing %d bytes '
                        'at offset %d (actual buffer size is %d)'
                        % (len(data) + offset, len(data), offset, len(buffer)))
        buffer[offset:offset + len(data)] = data

    def _unpack(self, data):
        result = []
        little = self._little
        for code, count, offset, size in self._items:
            chunk = data[offset:offset + size]
            if code == 's':
                result.append(bytes(chunk))
            elif code == 'p':
                if count == 0:
                    result.append(b'')
                else:
                    n = min(chunk[0], count - 1)
                    result.append(bytes(chunk[1:1 + n]))
            elif code in _SIGNED or code in _UNSIGNED:
                result.append(int.from_bytes(chunk, 'little' if little else 'big',
                                             signed=code in _SIGNED))
            elif code in _FLOATS:
                mbits, ebits = _FLOATS[code]
                result.append(_bits_to_float(int.from_bytes(chunk, 'little' if little else 'big'),
                                             mbits, ebits))
            elif code == '?':
                result.append(chunk[0] != 0)
            elif code == 'c':
                result.append(bytes(chunk))
        return tuple(result)

    def unpack(self, buffer):
        data = memoryview(buffer).tobytes() if not isinstance(buffer, bytes) else buffer
        if len(data) != self.size:
            raise error('unpack requires a buffer of %d bytes' % self.size)
        return self._unpack(data)

    def unpack_from(self, buffer, offset=0):
        data = memoryview(buffer).tobytes() if not isinstance(buffer, bytes) else buffer
        if offset < 0:
            if offset + len(data) < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, len(data)))
            offset += len(data)
        if len(data) - offset < self.size:
            raise error('unpack_from requires a buffer of at least %d bytes for unpacking %d '
                        'bytes at offset %d (actual buffer size is %d)'
                        % (self.size + offset, self.size, offset, len(data)))
        return self._unpack(data[offset:offset + self.size])

    def iter_unpack(self, buffer):
        data = memoryview(buffer).tobytes() if not isinstance(buffer, bytes) else buffer
        if self.size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        if len(data) % self.size:
            raise error('iterative unpacking requires a buffer of a multiple of %d bytes'
                        % self.size)
        return (self._unpack(data[i:i + self.size]) for i in range(0, len(data), self.size))


_cache = {}


def _struct(fmt):
    try:
        return _cache[fmt]
    except (KeyError, TypeError):
        pass
    s = Struct(fmt)
    if len(_cache) > 100:
        _cache.clear()
    try:
        _cache[fmt] = s
    except TypeError:
        pass
    return s


def calcsize(format):
    """Return the size of the struct described by the format string."""
    return _struct(format).size


def pack(format, *values):
    """Pack the values according to the format string."""
    return _struct(format).pack(*values)


def pack_into(format, buffer, offset, *values):
    return _struct(format).pack_into(buffer, offset, *values)


def unpack(format, buffer):
    """Unpack the buffer according to the format string; returns a tuple."""
    return _struct(format).unpack(buffer)


def unpack_from(format, buffer, offset=0):
    return _struct(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return _struct(format).iter_unpack(buffer)


def _clearcache():
    _cache.clear()
