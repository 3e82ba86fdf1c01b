# str % and str * with exact operands (the interpreter's direct routes) next to the cases that
# must still go the general way: subclasses with reflected operators, wrong types, errors;
# str() of ints around the 64-bit edges; sizes and reference counts of the results.
import sys

ints = [0, 7, -7, 10, -10, 2**30 - 1, 2**30, 2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1,
        2**64, 2**119, -2**119, 2**120 - 1, 2**120, -2**120, 10**40]
for v in ints:
    s = '%d|%i|%s' % (v, v, v)
    print(s, str(v), repr(v), sys.getsizeof(str(v)), sys.getsizeof(s))
print('item-%d:%s' % (5, 'x' * 3), 'n=%d' % 42, 'f=%s' % 1.25, 'r=%r' % 2.5, 's=%s' % 'str', '%%d %d' % 3)
print('%s and %s' % ('a', 'b'), '%d%%' % 50, '%s' % ((),), '' % ())

class I(int):
    def __rmod__(self, other):
        return 'I.__rmod__'
    def __rmul__(self, other):
        return 'I.__rmul__'

class S(str):
    def __rmod__(self, other):
        return 'S.__rmod__'
    def __rmul__(self, other):
        return 'S.__rmul__'

print('%d' % I(3), 'ab' * I(2), '%s' % S('q'), 'x%s' % S('q'), 3 * 'ab', True * 'ab', 'ab' * True)
ab, cd, zero, minus = 'ab', 'cd', 0, -3
print(ab * zero == '', ab * minus == '', (ab * zero) is (cd * zero), 'é' * 3, '\u20ac' * 2, 'a' * 1 == 'a')
t = 'ab'
t *= 3
print(t)
u = 'z'
print(u * 1 is u, sys.getrefcount(u * 1) - sys.getrefcount(u))
for bad in (1.5, None, 'x', [2]):
    try:
        print('ab' * bad)
    except TypeError as e:
        print('TypeError', e)
for fmt, args in (('%d %d', (1,)), ('%d', (1, 2)), ('%d', 'x'), ('%d', 1.5), ('%s %s', 'ab'), ('%z', (1,)), ('%', ())):
    try:
        print(fmt % args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
parts = ['item-%d:%s' % (i, 'x' * (i % 5)) for i in range(12)]
print(','.join(parts), sys.getsizeof(parts[7]))
s = ''
for i in range(2000):
    s += str(i % 10)
print(len(s), s[:25], s[-5:], sys.getsizeof(s))
