# Seed 004: counting live objects of a class to spot a leak.
import gc
class Session:
    pass
registry = []
def handle(i):
    s = Session()
    if i % 10 == 0:
        registry.append(s)
def count(cls):
    return sum(1 for o in gc.get_objects() if type(o) is cls)
for i in range(200):
    handle(i)
print(count(Session))
registry.clear()
print(count(Session))
