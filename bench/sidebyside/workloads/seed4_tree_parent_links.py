# Seed 004: trees with parent links (cycles): build, drop, let the cyclic GC free them.
import gc
class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)
def build(depth, fanout):
    root = Node()
    level = [root]
    count = 1
    for d in range(depth):
        nxt = []
        for p in level:
            for k in range(fanout):
                nxt.append(Node(p))
        count += len(nxt)
        level = nxt
    return root, count
total = 0
collected = 0
for r in range(5):
    root, count = build(7, 6)   # 335,923 nodes per tree
    total += count
    del root
    collected += gc.collect()
print(total, collected > 0)
