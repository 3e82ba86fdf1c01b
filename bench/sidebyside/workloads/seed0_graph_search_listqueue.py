# Seed 000: a lengthy breadth-first search that queues one Path object per partial
# path (the 2004 "Python never frees memory" graph search), scaled to ~600k paths.
# Variant for refheap: a list with a read index stands in for collections.deque
# (importing collections fails on refheap: it needs weakref.ref via abc).
class Path:
    __slots__ = ('node', 'parent', 'length')
    def __init__(self, node, parent):
        self.node = node
        self.parent = parent
        self.length = 1 if parent is None else parent.length + 1
def neighbours(n, size):
    return [(n * 3 + 1) % size, (n * 7 + 2) % size, (n + 1) % size]
def search(start, goal, size):
    queue = [Path(start, None)]
    head = 0
    seen = {start}
    created = 1
    found = None
    while head < len(queue):
        p = queue[head]
        queue[head] = None
        head += 1
        if p.node == goal:
            found = p
        for m in neighbours(p.node, size):
            if m not in seen:
                seen.add(m)
                queue.append(Path(m, p))
                created += 1
    return found, created
found, created = search(0, 299_993, 600_000)
route = []
while found is not None:
    route.append(found.node)
    found = found.parent
print('paths created', created)
print('route length', len(route), 'ends', route[-1], route[0])
