import gc
class Node:
    pass
gc.collect()
a = Node()
a.self = a
del a
print(gc.collect())
print(gc.collect())
