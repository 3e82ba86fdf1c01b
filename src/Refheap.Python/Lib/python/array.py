"""Arrays of basic numeric values (Refheap).

An array keeps its items in a Python list, checked against the type code; the item
sizes are those of a 64-bit Linux platform (tobytes/frombytes use native byte order).
"""

import struct as _struct
from operator import index as _index

__all__ = ['array', 'ArrayType', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8,
          'Q': 8, 'f': 4, 'd': 8}
_NAMES = {'b': 'signed char', 'B': 'unsigned byte integer', 'h': 'signed short integer',
          'H': 'unsigned short', 'i': 'signed integer', 'I': 'unsigned int'}


def _check_int(code, v):
    v = _index(v)
    size = _SIZES[code]
    if code in 'bhilq':
        lo, hi = -(1 << (8 * size - 1)), (1 << (8 * size - 1)) - 1
    else:
        lo, hi = 0, (1 << (8 * size)) - 1
    if v < lo or v > hi:
        if code in 'qQ':
            if code == 'Q' and v < 0:
                raise OverflowError("can't convert negative int to unsigned")
            raise OverflowError('int too big to convert')
        if code in 'IL' and v < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if code == 'l':
            raise OverflowError('Python int too large to convert to C long')
        if code == 'L':
            raise OverflowError('Python int too large to convert to C unsigned long')
        raise OverflowError('%s is %s' % (_NAMES[code], 'greater than maximum' if v > hi
                                          else 'less than minimum'))
    return v


def _convert(code, v):
    if code in 'fd':
        if isinstance(v, (int, float)) or hasattr(v, '__float__') or hasattr(v, '__index__'):
            v = float(v)
            if code == 'f':
                v = _struct.unpack('f', _struct.pack('f', v))[0] if v == v and abs(v) < 3.5e38 \
                    else v
            return v
        raise TypeError('must be real number, not %s' % type(v).__name__)
    if code == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError('array item must be unicode character')
        return v
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    try:
        return _check_int(code, v)
    except TypeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(v).__name__) from None


class array:
    """array(typecode [, initializer]) -> array"""

    __slots__ = ('_code', '_data', '__weakref__')

    def __new__(cls, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s'
                            % type(typecode).__name__)
        if typecode not in _SIZES:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self = object.__new__(cls)
        self._code = typecode
        self._data = []
        if initializer is not None:
            if isinstance(initializer, (bytes, bytearray)):
                self.frombytes(initializer)
            elif isinstance(initializer, str):
                if typecode != 'u':
                    raise TypeError('cannot use a str to initialize an array with typecode %r'
                                    % typecode)
                self._data = list(initializer)
            elif isinstance(initializer, array):
                if typecode == 'u' and initializer._code != 'u':
                    raise TypeError('cannot use a unicode array to initialize an array with '
                                    'typecode %r' % typecode)
                self._data = [_convert(typecode, v) for v in initializer._data]
            else:
                self._data = [_convert(typecode, v) for v in initializer]
        return self

    @property
    def typecode(self):
        return self._code

    @property
    def itemsize(self):
        return _SIZES[self._code]

    def _fmt(self, n):
        return '=%d%s' % (n, 'I' if self._code == 'u' else self._code)

    def append(self, v):
        self._data.append(_convert(self._code, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._code != self._code:
                raise TypeError('can only extend with array of same kind')
            self._data.extend(iterable._data)
        else:
            self._data.extend([_convert(self._code, v) for v in iterable])

    def insert(self, i, v):
        self._data.insert(i, _convert(self._code, v))

    def pop(self, i=-1):
        if not self._data:
            raise IndexError('pop from empty array')
        try:
            return self._data.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v):
        try:
            self._data.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=None):
        try:
            if stop is None:
                return self._data.index(v, start)
            return self._data.index(v, start, stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, v):
        return self._data.count(v)

    def reverse(self):
        self._data.reverse()

    def tolist(self):
        return list(self._data)

    def fromlist(self, lst):
        if not isinstance(lst, list):
            raise TypeError('arg must be list')
        self._data.extend([_convert(self._code, v) for v in lst])

    def tobytes(self):
        if self._code == 'u':
            return _struct.pack(self._fmt(len(self._data)), *[ord(c) for c in self._data])
        return _struct.pack(self._fmt(len(self._data)), *self._data)

    def frombytes(self, data):
        data = bytes(data)
        size = self.itemsize
        if len(data) % size:
            raise ValueError('bytes length not a multiple of item size')
        values = _struct.unpack(self._fmt(len(data) // size), data)
        if self._code == 'u':
            values = [chr(v) for v in values]
        self._data.extend(values)

    def tounicode(self):
        if self._code != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._data)

    def fromunicode(self, s):
        if self._code != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._data.extend(s)

    def byteswap(self):
        size = self.itemsize
        raw = self.tobytes()
        swapped = b''.join(raw[i:i + size][::-1] for i in range(0, len(raw), size))
        self._data = []
        self.frombytes(swapped)

    def buffer_info(self):
        return (id(self._data), len(self._data))

    def tofile(self, f):
        f.write(self.tobytes())

    def fromfile(self, f, n):
        data = f.read(n * self.itemsize)
        self.frombytes(data[:len(data) - len(data) % self.itemsize])
        if len(data) < n * self.itemsize:
            raise EOFError('read() didn\'t return enough bytes')

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(self._data)

    def __contains__(self, v):
        return v in self._data

    def __getitem__(self, i):
        if isinstance(i, slice):
            r = array(self._code)
            r._data = self._data[i]
            return r
        try:
            return self._data[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(v).__name__)
            if v._code != self._code:
                raise TypeError('bad argument type for built-in operation')
            self._data[i] = v._data
            return
        try:
            self._data[i] = _convert(self._code, v)
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        try:
            del self._data[i]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __add__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        if other._code != self._code:
            raise TypeError('bad argument type for built-in operation')
        r = array(self._code)
        r._data = self._data + other._data
        return r

    def __iadd__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self.extend(other)
        return self

    def __mul__(self, n):
        r = array(self._code)
        r._data = self._data * n
        return r

    __rmul__ = __mul__

    def __imul__(self, n):
        self._data *= n
        return self

    def _cmp_data(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return other._data

    def __eq__(self, other):
        o = self._cmp_data(other)
        return o if o is NotImplemented else self._data == o

    def __ne__(self, other):
        o = self._cmp_data(other)
        return o if o is NotImplemented else self._data != o

    def __lt__(self, other):
        o = self._cmp_data(other)
        return o if o is NotImplemented else self._data < o

    def __le__(self, other):
        o = self._cmp_data(other)
        return o if o is NotImplemented else self._data <= o

    def __gt__(self, other):
        o = self._cmp_data(other)
        return o if o is NotImplemented else self._data > o

    def __ge__(self, other):
        o = self._cmp_data(other)
        return o if o is NotImplemented else self._data >= o

    __hash__ = None

    def __repr__(self):
        if not self._data:
            return 'array(%r)' % (self._code,)
        if self._code == 'u':
            return 'array(%r, %r)' % (self._code, ''.join(self._data))
        return 'array(%r, %r)' % (self._code, self._data)

    def __copy__(self):
        return array(self._code, self)

    def __deepcopy__(self, memo):
        return array(self._code, self)

    def __reduce_ex__(self, protocol):
        return array, (self._code, list(self._data))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


ArrayType = array
