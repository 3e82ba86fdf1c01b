import sys
for e in (Exception(), ValueError('x'), KeyError('k'), StopIteration(3), OSError(2, 'no'), SyntaxError('s')):
    print(type(e).__name__, sys.getsizeof(e))
try:
    1 / 0
except ZeroDivisionError as exc:
    print(sys.getsizeof(exc), sys.getsizeof(exc.__traceback__))
