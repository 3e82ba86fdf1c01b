# The data-level str paths (split/rsplit, strip family, join, ASCII case mapping, latin-1
# repetition) on seeded random strings of every kind; the plain % path and the direct
# format() of exact int/float/str; int() of short decimal text.
import sys
state = 424242
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    return state >> 20
pools = ['ab c\t\n', 'xy\xff\xe9 \xa0', '\u03a9\u03c3\u03c2 \u03a3\u0391\u2003z', '\U0001d518x \U0001f600\u3000q', 'AbC-,-', ' \x1c\x85a']
def rstr():
    p = pools[rnd() % len(pools)] + (pools[rnd() % len(pools)] if rnd() % 4 == 0 else '')
    return ''.join(p[rnd() % len(p)] for _ in range(rnd() % 12))
for it in range(400):
    s = rstr(); t = rstr()[:2]
    rs = [s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 2), s.strip(), s.lstrip(), s.rstrip(), s.lower(), s.upper(), s.casefold()]
    if t:
        rs += [s.split(t), s.rsplit(t), s.split(t, 1), s.rsplit(t, 1), s.strip(t), s.rstrip(t[0]), s.lstrip(t)]
    parts = [rstr() for _ in range(rnd() % 4)]
    rs += [t.join(parts), s.join(parts), ''.join(parts), s[:3] * (rnd() % 4)]
    print(ascii(rs))
for s in ['', 'a', 'A', 'abc', 'AbC', '\xe9', 'x\xe9']:
    for n in (-1, 0, 1, 2, 5):
        r = s * n
        print(ascii(r), sys.getsizeof(r))
    print(ascii(s.lower()), ascii(s.upper()), ascii(s.casefold()))
print(ascii('\xe9a\xe9'.strip('\xe9')), ascii('xxhixx'.strip('x')), ascii('  '.split()), ascii(''.join([])), ascii('-'.join(['a'])))
for fmt, args in [('item-%d:%s', (5, 'xx')), ('%s', 'abc'), ('%d', 5), ('%d', True), ('%s', 5), ('%%%d%%', (7,)),
                  ('%d\t%s\n', (2**64 - 1, '\xe9')), ('%s', ('\u03a9',)), ('%s', ('\U0001f600x',)), ('%d', (-2**100,)),
                  ('%d', (10**70,)), ('%i', (-5,)), ('x', ()), ('%s', ('',)), ('', ()), ('\xe9%s', ('b',)),
                  ('%r\t%s\t%d\n', (0.1, 'ab', 2**64 - 1)), ('%s', (1e300,)), ('%s %r', (-0.0, 1.5)), ('%r', (float('nan'),)),
                  ('%s', ()), ('%s %s', ('a',)), ('%s', ('a', 'b')), ('abc', 'x'), ('%', ('a',)), ('%5d', (3,)),
                  ('%(a)s', {'a': 1}), ('%d', (3.5,)), ('%d', ('x',)), ('%z', (1,)), ('a%', ())]:
    try:
        print(ascii(fmt % args))
    except Exception as e:
        print(type(e).__name__, e)
vals = [0, 5, -7, 256, 257, 12345, 2**64 - 1, 2**64 + 5, -2**100, -2**200, 2**600, 2**610, 1.5, -0.0, 1e300, 'abc', '\xe9', '\U0001f600', '', True]
specs = ['', '>', '<', '5', '<5d', '>08', '0', '>9999', 'd', '<d', '>0', '>12', '<3', '1d2', '>5d', '=5', '>8', '^7', '+', ',', 'x', '#o', '.3f', 's', 'c']
for v in vals:
    out = []
    for sp in specs:
        try:
            out.append(('{:' + sp + '}').format(v))
        except Exception as e:
            out.append(type(e).__name__ + ': ' + str(e))
    print(ascii([o if len(o) < 50 else (len(o), o[:10]) for o in out]))
print(ascii('\n'.join('{:>8} {}'.format(i, i * i) for i in range(0, 100000, 997))))
for t in ['0', '-0', '+5', '256', '257', '-5', '-6', '18446744073709551615', '9' * 38, '9' * 39, '-' + '9' * 38,
          '1_000', ' 12', '12 ', '', '-', '+', '0x10', '00', '007', '1e5', 'abc']:
    try:
        r = int(t)
        print(ascii(t), r, sys.getsizeof(r), -5 <= r <= 256 and r is (r + 0))
    except Exception as e:
        print(ascii(t), type(e).__name__, e)
