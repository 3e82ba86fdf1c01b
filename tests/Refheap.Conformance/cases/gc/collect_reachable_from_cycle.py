import gc
class Node:
    pass
gc.collect()
a = Node()
a.me = a
a.payload = [[1], [2], {'k': [3]}]
del a
print(gc.collect())
