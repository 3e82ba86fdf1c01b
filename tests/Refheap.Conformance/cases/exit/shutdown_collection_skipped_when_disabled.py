# The shutdown collection is _PyGC_CollectIfEnabled: gc.disable() skips it, and cyclic garbage
# is then only finalized by the module teardown's last collection, after globals are None.
import gc

def cb(phase, info):
    print("cb", phase)

class Node:
    def __del__(self):
        print("del", type(self).__name__)

n = Node(); n.me = n
del n
gc.callbacks.append(cb)
gc.disable()
print("end of script")
