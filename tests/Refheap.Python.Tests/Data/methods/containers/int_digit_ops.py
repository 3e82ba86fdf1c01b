# Multi-digit int arithmetic around the 30-bit digit boundaries, both signs: values,
# sys.getsizeof and small-int identity of +, -, *, <<, >>, non-negative &, |, ^, and // % by
# multi-digit and one-digit divisors; str() of ints up to 128 bits.
import sys
state = 987654321
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    return state
edges = [0, 1, -1, 5, -5, 6, 256, 257, -6, 2**30 - 1, 2**30, -2**30, 2**30 + 1, 2**60 - 1, 2**60, -2**60, 2**60 + 1,
         2**90 - 1, 2**90, -2**90, 2**120 - 1, 2**120, 2**150, 2**600 - 1, 2**600, 2**630, -2**630, 2**64 - 1, 2**63]
def rint():
    k = rnd() % 10
    if k < 3:
        v = edges[rnd() % len(edges)] + (rnd() % 5) - 2
    else:
        bits = rnd() % 700
        v = 0
        while bits > 0:
            v = (v << 64) | rnd()
            bits -= 64
        v >>= (rnd() % 64)
    return -v if rnd() & 1 else v
h = 0
for it in range(6000):
    a = rint(); b = rint()
    sa = rnd() % 200
    rs = [a + b, a - b, a * b, a << sa, a >> sa]
    if a >= 0 and b >= 0:
        rs += [a & b, a | b, a ^ b]
    if b != 0:
        rs += [a // b, a % b]
        bb = (rnd() % (2**30 - 1)) + 1
        bb = -bb if rnd() & 1 else bb
        rs += [a // bb, a % bb, divmod(a, bb)[0]]
    for r in rs:
        h = (h * 1000003 + hash(r) + sys.getsizeof(r)) & 0xFFFFFFFFFFFF
        h = (h * 31 + (1 if (-5 <= r <= 256 and r is (r + 0)) else 0)) & 0xFFFFFFFFFFFF
    if it % 1000 == 0:
        print(it, h, [sys.getsizeof(r) for r in rs])
print(h)
print(str(2**64 - 1), str(-2**100), str(2**119 + 12345), str(-(2**90)), str(10**30), str(2**127 - 1), str(-2**127))
