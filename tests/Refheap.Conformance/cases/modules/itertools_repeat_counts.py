# itertools.repeat's count is a Py_ssize_t: past 64 bits OverflowError; negative means none.
import itertools
for t in (-2**70, 2**70, 1.5, -1, 0, 2, 2**63 - 1):
    try:
        print(t, list(itertools.islice(itertools.repeat('x', t), 3)))
    except (OverflowError, TypeError) as e:
        print(t, type(e).__name__, e)
print(repr(itertools.repeat('x', -5)), repr(itertools.repeat('x')), itertools.repeat('x', 3).__length_hint__())
