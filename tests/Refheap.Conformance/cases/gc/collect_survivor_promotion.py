import gc
class Node:
    pass
gc.collect()
gc.disable()
a = Node(); a.me = a
gc.collect(0)
del a
print('gen0 again', gc.collect(0))
print('gen1', gc.collect(1))
b = Node(); b.me = b
gc.collect(0)
gc.collect(1)
del b
print('gen1 after promotion to 2', gc.collect(1))
print('full', gc.collect())
