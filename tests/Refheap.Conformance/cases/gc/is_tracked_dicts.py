import gc
print(gc.is_tracked({}))
print(gc.is_tracked({'a': 1, 'b': 'x'}))
print(gc.is_tracked({'a': []}))
d = {'a': 1}
d['b'] = []
print(gc.is_tracked(d))
del d['b']
print(gc.is_tracked(d))
e = {}
e[1] = (1, 2)
print(gc.is_tracked(e))
e[2] = ([],)
print(gc.is_tracked(e))
print(gc.is_tracked(dict(a=1)), gc.is_tracked(dict(a=[])))
print(gc.is_tracked({i: i for i in range(3)}), gc.is_tracked({i: [i] for i in range(3)}))
