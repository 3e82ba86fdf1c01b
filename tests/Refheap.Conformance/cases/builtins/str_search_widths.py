# find/rfind/index/rindex/count/startswith/endswith across str widths (latin-1, UCS-2 and
# astral code points in haystack and needle), with start/end (negative, past the end), empty
# needles and tuples of prefixes.
hay = ['abcabc', 'aé€aé€', 'x\U0001F600y\U0001F600', 'ÿÿaÿ', '']
needles = ['a', 'bc', 'é€', '€', '\U0001F600', 'ÿa', '', 'abcabcd', 'y\U0001F600']
bounds = [(None, None), (1, None), (-3, None), (2, -1), (10, None), (0, 100), (-100, 2)]
for h in hay:
    for n in needles:
        row = []
        for start, end in bounds:
            args = (n,) if start is None else (n, start) if end is None else (n, start, end)
            row.append((h.find(*args), h.rfind(*args), h.count(*args), h.startswith(*args), h.endswith(*args)))
        print(repr(h), repr(n), row)
print('aé€'.startswith(('x', 'aé')), 'aé€'.endswith(('€', 'q'), 0, 2), 'abc'.startswith((), 0))
for call in [lambda: 'abc'.index('€'), lambda: 'abc'.rindex('d', 1), lambda: 'abc'.find(1),
             lambda: 'abc'.startswith(1), lambda: 'abc'.startswith(('a', 1)), lambda: 'abc'.count(b'a')]:
    try:
        print(call())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
big = 'ab' * 50000 + '€'
print(sum(big.startswith('ab', i) for i in range(0, 100000, 7)), big.find('€', 99990), big.rfind('ba', 0, 5000))
print('é' in 'aé€', '€' in 'abc', '' in '', '\U0001F600' in 'x\U0001F600', 'a\U0001F600' in 'xa\U0001F600y')
print(['aé€'.isascii(), 'abc'.isascii(), ''.isascii(), 'a\x7f'.isascii(), '\x80'.isascii(), ('é' * 3)[:0].isascii()])
try:
    1 in 'abc'
except TypeError as e:
    print(e)
print(sum('ba' in big for _ in range(1000)), big.isascii())
