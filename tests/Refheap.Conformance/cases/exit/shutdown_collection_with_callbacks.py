# Py_FinalizeEx runs a full collection with gc.callbacks after atexit and the flush of the
# standard streams, while the modules are still intact: a cycle's __del__ still sees globals.
import gc, sys, atexit

LABEL = "global still bound"

def cb(phase, info):
    print("cb", phase, info["generation"], info["collected"], info["uncollectable"])
    if phase == "stop":
        raise ValueError("from the stop callback")

def hook(u):
    print("unraisable", type(u.exc_value).__name__, u.exc_value, getattr(u.object, "__name__", None))

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name, LABEL)

sys.unraisablehook = hook
atexit.register(lambda: print("atexit"))
a = Node("a"); b = Node("b")
a.other = b; b.other = a
del a, b
gc.callbacks.append(cb)
print("end of script")
