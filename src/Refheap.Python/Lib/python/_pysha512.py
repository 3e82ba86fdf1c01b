"""SHA-512 in pure Python (Refheap), used by random.seed() for str/bytes seeds.

The round constants and initial hash value are derived at import time from
their definition (FIPS 180-4): the first 64 bits of the fractional parts of
the cube roots of the first 80 primes, and of the square roots of the first 8.
"""

from math import isqrt

_MASK = (1 << 64) - 1


def _primes(count):
    found = []
    n = 2
    while len(found) < count:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
        n += 1
    return found


def _icbrt(n):
    # Largest x with x**3 <= n (Newton's method on integers).
    x = 1 << ((n.bit_length() + 2) // 3)
    while True:
        y = (2 * x + n // (x * x)) // 3
        if y >= x:
            break
        x = y
    while x * x * x > n:
        x -= 1
    while (x + 1) ** 3 <= n:
        x += 1
    return x


_P = _primes(80)
_K = [_icbrt(p << 192) & _MASK for p in _P]
_H0 = [isqrt(p << 128) & _MASK for p in _P[:8]]
del _P


def _rotr(x, n):
    return ((x >> n) | (x << (64 - n))) & _MASK


def _compress(state, block):
    w = [int.from_bytes(block[i:i + 8], 'big') for i in range(0, 128, 8)]
    for t in range(16, 80):
        x = w[t - 15]
        y = w[t - 2]
        s0 = _rotr(x, 1) ^ _rotr(x, 8) ^ (x >> 7)
        s1 = _rotr(y, 19) ^ _rotr(y, 61) ^ (y >> 6)
        w.append((w[t - 16] + s0 + w[t - 7] + s1) & _MASK)
    a, b, c, d, e, f, g, h = state
    for t in range(80):
        big1 = _rotr(e, 14) ^ _rotr(e, 18) ^ _rotr(e, 41)
        choose = (e & f) ^ (~e & g)
        t1 = (h + big1 + choose + _K[t] + w[t]) & _MASK
        big0 = _rotr(a, 28) ^ _rotr(a, 34) ^ _rotr(a, 39)
        majority = (a & b) ^ (a & c) ^ (b & c)
        t2 = (big0 + majority) & _MASK
        h, g, f, e, d, c, b, a = g, f, e, (d + t1) & _MASK, c, b, a, (t1 + t2) & _MASK
    return [(s + v) & _MASK for s, v in zip(state, (a, b, c, d, e, f, g, h))]


class sha512:
    name = 'sha512'
    digest_size = 64
    block_size = 128

    def __init__(self, data=b''):
        self._state = list(_H0)
        self._pending = b''
        self._length = 0
        if data:
            self.update(data)

    def update(self, data):
        data = bytes(data)
        self._length += len(data)
        buf = self._pending + data
        full = len(buf) - len(buf) % 128
        state = self._state
        for i in range(0, full, 128):
            state = _compress(state, buf[i:i + 128])
        self._state = state
        self._pending = buf[full:]

    def copy(self):
        other = sha512()
        other._state = list(self._state)
        other._pending = self._pending
        other._length = self._length
        return other

    def digest(self):
        bits = self._length * 8
        tail = self._pending + b'\x80'
        tail += b'\x00' * ((112 - len(tail)) % 128)
        tail += bits.to_bytes(16, 'big')
        state = self._state
        for i in range(0, len(tail), 128):
            state = _compress(state, tail[i:i + 128])
        return b''.join(v.to_bytes(8, 'big') for v in state)

    def hexdigest(self):
        return self.digest().hex()
