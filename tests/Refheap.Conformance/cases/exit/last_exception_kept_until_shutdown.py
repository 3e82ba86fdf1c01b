# An uncaught exception stays in sys.last_type/last_value/last_traceback (keeping its frames' locals alive) until shutdown sets them to None, after atexit and the shutdown collection.
import atexit, sys, gc
class A:
    def __del__(self): print('del A', file=sys.stderr)
def f():
    a = A()
    1/0
atexit.register(lambda: print('atexit', hasattr(sys, 'last_value'), type(getattr(sys, 'last_value', None)).__name__, file=sys.stderr))
gc.callbacks.append(lambda p, i: print('gc', p, file=sys.stderr))
f()
