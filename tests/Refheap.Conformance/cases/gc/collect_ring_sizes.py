import gc
class Node:
    pass
gc.collect()
for n in (1, 2, 3, 10, 100):
    nodes = [Node() for _ in range(n)]
    for i, node in enumerate(nodes):
        node.next = nodes[(i + 1) % n]
    del nodes, node
    print(n, gc.collect())
