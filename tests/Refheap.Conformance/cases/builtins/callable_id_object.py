print(callable(len), callable(1), callable(lambda: 0), callable(int), callable(object()))
a = object()
print(id(a) == id(a), isinstance(id(a), int))
o = object()
try:
    o.x = 1
except AttributeError as e:
    print('AttributeError', e)
print(object.__name__, object.__bases__, type(object.__dict__).__name__)
