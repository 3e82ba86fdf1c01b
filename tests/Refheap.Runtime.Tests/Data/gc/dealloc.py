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
