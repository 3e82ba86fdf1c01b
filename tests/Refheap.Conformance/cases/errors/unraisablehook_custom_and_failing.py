# sys.unraisablehook: the default output has no exception chain; a custom hook gets an
# UnraisableHookArgs; a failing hook is reported as "Exception ignored in sys.unraisablehook";
# None falls back to the default output.
class A:
    def __del__(self):
        try:
            1/0
        except Exception:
            raise KeyError('k')
a = A()
del a
import sys
def h(u):
    print(u.exc_type.__name__, u.exc_value, u.exc_traceback is u.exc_value.__traceback__, u.err_msg, u.object.__qualname__)
    raise RuntimeError("hook fails")
sys.unraisablehook = h
a = A()
del a
sys.unraisablehook = None
a = A()
del a
sys.unraisablehook = sys.__unraisablehook__
import gc
def cb(phase, info):
    raise ValueError(phase)
gc.callbacks.append(cb)
seen = []
sys.unraisablehook = lambda u: seen.append((u.err_msg, type(u.exc_value).__name__, str(u.exc_value), u.object is cb))
gc.collect()
gc.callbacks.remove(cb)
print(seen)
print(sys.__unraisablehook__)
