import gc
class Node:
    pass
gc.collect()
gc.freeze()
a = Node(); a.me = a
del a
gc.set_debug(gc.DEBUG_STATS)
print('collected', gc.collect(0))
gc.set_debug(0)
gc.unfreeze()
