import sys,types
class A: x=1
m=A.__dict__
print(sys.getsizeof(m), repr(types.MappingProxyType({'a':1})), m['x'], len(types.MappingProxyType({1:2})))
try: m['y']=2
except TypeError as e: print(e)
try: del m['x']
except TypeError as e: print(e)
try: types.MappingProxyType([1])
except TypeError as e: print(e)
print(types.MappingProxyType({'a':1}) == {'a':1}, type(m).__name__, type(m).__module__, list(types.MappingProxyType({'a':1,'b':2})), types.MappingProxyType({'a':1}) | {'b': 2})
p=types.MappingProxyType({'a':1}); print(p.copy(), type(p.copy()), str(p), 'x' in m, m.get('zz', 5))
try: m.y = 3
except AttributeError as e: print(e)
print(type(vars(A)).__name__, sorted(k for k in vars(A) if not k.startswith('__')))
class X: pass
for o, k in ((X(), 0), (X(), 'a'), ((1,), 'a'), ((1,), 0), ({}.keys(), 0), (1, 0), (m, 0), (m, 'x')):
    try:
        del o[k]
    except TypeError as e:
        print(e)
