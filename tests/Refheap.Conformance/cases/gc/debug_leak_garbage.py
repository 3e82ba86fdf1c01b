import gc
class Node:
    pass
gc.collect()
gc.set_debug(gc.DEBUG_LEAK)
n = Node(); n.me = n
del n
print(gc.collect())
gc.set_debug(0)
print(sorted(type(o).__name__ for o in gc.garbage))
gc.garbage.clear()
