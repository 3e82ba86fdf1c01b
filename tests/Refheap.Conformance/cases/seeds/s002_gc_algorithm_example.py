# Seed 002: the collector's idea: objects only reachable from a cycle are unreachable.
import gc
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
        self.refs = []
gc.collect()
names = 'ABCDEF'
objs = {n: Obj(n) for n in names}
for src, dst in ['AB', 'BC', 'CA', 'DE', 'EF', 'FD', 'CD']:
    objs[src].refs.append(objs[dst])
root = objs['D']
watch = {n: weakref.ref(o) for n, o in objs.items()}
del objs
print('collected', gc.collect())
print(sorted(n for n, r in watch.items() if r() is not None))
del root
print('collected', gc.collect())
print(sorted(n for n, r in watch.items() if r() is not None))
