# range lengths at the edges of 64 bits (computed without 128-bit arithmetic now), len() overflow, index/count.
for f in (lambda: len(range(-2**63, 2**63-1)), lambda: len(range(0, 2**63-1, 3)), lambda: range(-2**63, 2**63-1, 2**62)[3],
          lambda: list(range(5, -5, -3)), lambda: len(range(-10, 10, 7)), lambda: len(range(2**63-1, -2**63, -2**63)),
          lambda: range(10**20).index(5), lambda: len(range(-2**63, 2**63-1, 2)), lambda: range(0, 2**64).count(2**63)):
    try:
        print(f())
    except OverflowError as e:
        print('OverflowError', e)
