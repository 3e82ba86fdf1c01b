import gc
class Node:
    pass
gc.collect()
a, b = Node(), Node()
a.other, b.other = b, a
del a, b
print(gc.collect())
