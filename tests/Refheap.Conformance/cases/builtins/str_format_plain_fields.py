# str.format with plain fields ({} / {N}, [[fill]align][width]) of exact ints and strs, next to
# everything that must take the general renderer: other specs, conversions, names, keywords,
# subclasses, wide strs, numbering switches and errors; identity and sizes of the results.
import sys

class I(int):
    def __format__(self, spec):
        return 'I.__format__(%s)' % spec

class S(str):
    def __format__(self, spec):
        return 'S.__format__(%s)' % spec

values = [0, 5, -5, 123456, -2**63, 2**63 - 1, 2**63, -2**63 - 1, 10**30, '', 'a', 'abc', 'caf\xe9', '\u20ac', True, 1.5, None, I(4), S('s')]
specs = ['', '>8', '<8', '^8', '^7', '*>6', '*<6', '-^9', '}>3' if False else 'x>3', '>1', '3', '08', '0', '+', '=8', ',', '_', 'd', 's', '.2', '>04', '>12', '\xe9^5']
for v in values:
    row = []
    for spec in specs:
        fmt = '{:' + spec + '}'
        try:
            row.append(fmt.format(v))
        except (ValueError, TypeError) as e:
            row.append(type(e).__name__ + ':' + str(e))
    print(repr(v), row)

print('{:>8} {}'.format(3, 9), '{0} {1} {0}'.format('a', 7), '{}{}'.format('', ''), '[{}]'.format('x'))
print('{{}} {{{}}} }}{{'.format(1), 'no fields'.format(), 'extra'.format(1, 2), '{1}'.format(1, 2))
print('{0:}|{:}'.format(1) if False else '{0:}|{1:}'.format(1, 2), '{!r}'.format('q'), '{0!s:>4}'.format(5))
print('{a}'.format(a=1), '{0.real}'.format(5), '{0[1]}'.format('xyz'), '{:{}}'.format(7, 4), '{10}'.format(*range(11)))
for fmt, args in (('{} {0}', (1, 2)), ('{0} {}', (1, 2)), ('{}', ()), ('{1}', (1,)), ('{', (1,)), ('}', (1,)),
                  ('{:>8', (1,)), ('{0', (1,)), ('{!}', (1,)), ('{:x<}', ('a',)), ('{:=5}', ('s',)), ('{:99999999999999999999}', (1,))):
    try:
        print(repr(fmt.format(*args)))
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
x = 'abc'
e = ''
print('{}'.format(x) is x, '{}'.format(x) == x, '{}'.format(e) is e, sys.getsizeof('{:>8}'.format(1)), sys.getsizeof('{}'.format('\xe9x')))
print(sys.getrefcount('{} {}'.format(1, 2)))
print(len('{:>12345}'.format(7)), '{:>12345}'.format('ab')[-4:], len('{:^1234}'.format(-3)), '{:^1234}'.format(-3).strip())
lines = '\n'.join('{:>8} {}'.format(i, i * i) for i in range(5))
print(lines)
s = 'no fields'
x = 'abc'
q = 'q'
print(s.format() is s, e.format() is e, 'a{{b'.format() == 'a{b')
print('{}'.format(x) is x, '{:>1}'.format(x) is x, '{}{}'.format('', x) is x, '{:<3}'.format(x) is x,
      '{0}'.format(x) is x, 'a{}'.format(x) is x, '{}b'.format(x) is x, '{}{{}}'.format(x) is x,
      '{:}'.format(x) is x, '{:*<2}'.format(x) is x, '{:4}'.format(x) is x, '{}'.format(q) is q)
print('{}'.format(5) is '{}'.format(5), '{}'.format(55) is '{}'.format(55), '{}'.format(S('z')), type('{}'.format(S('z'))))
