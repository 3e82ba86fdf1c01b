d = {'b': 2, 'a': 1}
d['c'] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('e', 5), d.pop('b'), d.pop('zz', None))
print(d.popitem(), d)
d.update({'x': 1}, y=2)
d.update([('z', 3)])
print(d, len(d), 'x' in d, 1 in d.values())
print(dict.fromkeys('ab', 0), {**d, 'a': 'new'}, d | {'q': 0})
d2 = d.copy(); d2 |= {'new': 1}
print(len(d), len(d2), d == d2)
keys = d.keys()
d['late'] = 1
print(keys, 'late' in keys, keys & {'a', 'late'} == {'a', 'late'})
try:
    d['missing']
except KeyError as e:
    print('KeyError', e)
try:
    for k in d:
        d['grow'] = 1
except RuntimeError as e:
    print('RuntimeError', e)
