import gc
class Node:
    def __repr__(self):
        return 'Node'
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = Node(); a.me = a
del a
print(gc.collect())
print(len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
