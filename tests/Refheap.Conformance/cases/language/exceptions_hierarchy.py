for exc in (KeyError, IndexError, ZeroDivisionError, FileNotFoundError, RecursionError, StopIteration, KeyboardInterrupt, UnicodeDecodeError):
    print(exc.__name__, [k.__name__ for k in exc.__mro__[1:]])
try:
    {}['x']
except LookupError as e:
    print('LookupError caught', type(e).__name__)
try:
    raise SystemExit(5)
except Exception:
    print('not here')
except BaseException as e:
    print('BaseException', e.code)
