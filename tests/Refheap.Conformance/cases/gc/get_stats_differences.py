import gc
class N:
    pass
gc.collect()
before = gc.get_stats()
n = N(); n.me = n
del n
gc.collect(0)
gc.collect(1)
gc.collect()
after = gc.get_stats()
for b, a in zip(before, after):
    print({k: a[k] - b[k] for k in sorted(a)})
