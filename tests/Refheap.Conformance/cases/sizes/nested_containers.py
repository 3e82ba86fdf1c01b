import sys
def total(obj, seen=None):
    if seen is None:
        seen = set()
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(total(k, seen) + total(v, seen) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set, frozenset)):
        size += sum(total(x, seen) for x in obj)
    return size
print(total([1000, 2000, 'abc']))
print(total({'key%d' % i: [i * 1000] for i in range(5)}))
print(total(((1.5, 2.5), (3.5,))))
