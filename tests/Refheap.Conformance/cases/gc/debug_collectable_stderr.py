import gc
class Node:
    pass
gc.collect()
a = Node(); a.me = a
b = Node(); b.me = b
del a, b
gc.set_debug(gc.DEBUG_COLLECTABLE)
print(gc.collect())
gc.set_debug(0)
