import gc
d = {'a': (1, 2)}
print(gc.is_tracked(d))
t = d['a']
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(d))
