# Deallocation order and depth: a list and a tuple release their items last to first, an
# instance its attribute values in key order; a 1,000,000-deep chain of tuples, lists or
# instances is freed through the trashcan without exhausting the stack.
# Mirrored by GcFactsTests.Dealloc; recorded by eng/record-gc-facts.
import gc

gc.disable()
gc.collect()

log = []


class D:
    def __del__(self):
        log.append(self.name)


class Node:
    pass


def named(name):
    d = D()
    d.name = name
    return d


l = [named("a"), named("b"), named("c")]
del l
print("list items:", log)
log.clear()

t = (named("a"), named("b"), named("c"))
del t
print("tuple items:", log)
log.clear()

holder = Node()
holder.first = named("a")
holder.second = named("b")
holder.third = named("c")
del holder
print("instance attributes:", log)
log.clear()

outer = [named("outer")]
outer.append([named("inner a"), named("inner b")])
outer.append(named("last"))
del outer
print("nested lists:", log)
log.clear()

# Past 50 nested deallocations the trashcan parks objects and frees them later, last
# parked first: here a spine of finalizable nodes, each holding a leaf (set before the next
# spine node, so released first).
head = None
for i in range(119, -1, -1):
    node = named("s%d" % i)
    node.leaf = named("l%d" % i)
    node.next = head
    head = node
del node
del head
print("spine with leaves, dealloc order:")
for k in range(0, len(log), 20):
    print(" ", " ".join(log[k:k + 20]))
log.clear()

# An object whose finalizer already ran (it resurrected itself once) keeps that mark when
# the trashcan parks it, and is not finalized again. Chain lengths around the nesting
# limit, so that it is parked in some of them.
runs = []
keep = []


class Once:
    def __del__(self):
        runs[-1] += 1
        if not keep:
            keep.append(self)


for length in range(44, 56):
    runs.append(0)
    keep.clear()
    r = Once()
    del r
    head = Node()
    n = head
    for i in range(length):
        m = Node()
        n.next = m
        n = m
    n.next = keep.pop()
    del n, m
    keep.append(None)
    del head
print("finalizer runs for chain lengths 44..55:", runs)

DEPTH = 1000000
t = None
for i in range(DEPTH):
    t = (t,)
del t
print("tuple chain of", DEPTH, "freed")

l = None
for i in range(DEPTH):
    l = [l]
del l
print("list chain of", DEPTH, "freed")

n = None
for i in range(DEPTH):
    m = Node()
    m.next = n
    n = m
del m, n
print("instance chain of", DEPTH, "freed")

n = named("bottom")
for i in range(DEPTH):
    m = Node()
    m.next = n
    n = m
top = named("top")
top.next = n
del m, n
del top
print("instance chain with __del__ at both ends:", log)
