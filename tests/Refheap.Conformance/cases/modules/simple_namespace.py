# types.SimpleNamespace: name, repr (recursive, subclasses), equality, copy/pickle, errors, no weakrefs.
import sys, types, copy, pickle
ns = types.SimpleNamespace(a=1, b=[2])
print(ns, type(ns), ns == types.SimpleNamespace(a=1, b=[2]), ns != types.SimpleNamespace(a=2))
ns.c = ns
print(ns)
class Sub(types.SimpleNamespace):
    pass
print(Sub(x=1), type(sys.implementation).__name__, copy.copy(ns).a, pickle.loads(pickle.dumps(types.SimpleNamespace(q=3))))
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print(e)
try:
    hash(ns)
except TypeError as e:
    print('unhashable')
print(vars(types.SimpleNamespace(z=0)), hasattr(ns, '__weakref__'))
