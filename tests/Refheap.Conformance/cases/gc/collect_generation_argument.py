import gc
class Node:
    pass
gc.collect()
gc.disable()
a = Node(); a.me = a
del a
print(gc.collect(0))
b = Node(); b.me = b
del b
print(gc.collect(1))
c = Node(); c.me = c
del c
print(gc.collect(2))
try:
    gc.collect(3)
except ValueError as e:
    print('ValueError', e)
try:
    gc.collect(-1)
except ValueError as e:
    print('ValueError', e)
