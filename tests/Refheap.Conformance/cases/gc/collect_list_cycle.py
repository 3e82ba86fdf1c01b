import gc
gc.collect()
lst = []
lst.append(lst)
del lst
print(gc.collect())
d = {}
d['me'] = d
del d
print(gc.collect())
t = ([],)
t[0].append(t)
del t
print(gc.collect())
