# Seed 004: a tree with parent links: one live node keeps the whole tree alive.
import gc
import weakref
class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)
gc.collect()
root = Node()
leaves = []
for i in range(3):
    mid = Node(root)
    for j in range(3):
        leaves.append(Node(mid))
watch = weakref.ref(root)
one_leaf = leaves[4]
del root, mid, leaves
print('collected', gc.collect(), 'root alive', watch() is not None)
del one_leaf
print('collected', gc.collect(), 'root alive', watch() is not None)
