# range() creation and iteration with long bounds, and str[i] with int indexes.
for args in [(5,), (0,), (-3,), (2, 10), (10, 2, -3), (0, 10, 3), (2**62, 2**63 - 1, 2**61), (-2**63, 2**63 - 1), (0, 2**64), (2**63 - 5, 2**63 + 5), (5, 0, -1), (1, 2, 2**63 - 1)]:
    r = range(*args)
    try:
        n = len(r)
    except OverflowError as e:
        n = str(e)
    print(args, n, r[0] if n else None, r[-1] if n else None, list(iter(r))[:2] if isinstance(n, int) and n < 10 else None)
try: range(1, 2, 0)
except ValueError as e: print(e)
s = 'héllo€'
print([s[i] for i in range(-6, 6)], s[True])
try: s[6]
except IndexError as e: print(e)
try: s[-7]
except IndexError as e: print(e)
try: s[2**70]
except IndexError as e: print(e)
print(s[2**30 - 1 - 2**30 + 1])
