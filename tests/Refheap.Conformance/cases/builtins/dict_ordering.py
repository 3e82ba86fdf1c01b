d = {}
for k in ['z', 'a', 'm', 'b']:
    d[k] = len(d)
print(list(d))
del d['a']
d['a'] = 99
print(list(d.items()))
d['z'] = 'updated'
print(list(d))
print({1: 'a', True: 'b', 1.0: 'c'})
print(dict(sorted(d.items())))
