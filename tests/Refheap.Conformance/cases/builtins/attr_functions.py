class C:
    a = 1
c = C()
setattr(c, 'b', 2)
print(getattr(c, 'a'), getattr(c, 'b'), getattr(c, 'z', None), hasattr(c, 'b'), hasattr(c, 'z'))
delattr(c, 'b')
print(hasattr(c, 'b'))
try:
    getattr(c, 'z')
except AttributeError as e:
    print('AttributeError', e)
try:
    delattr(c, 'a')
except AttributeError as e:
    print('AttributeError', e)
try:
    getattr(c, 5)
except TypeError as e:
    print('TypeError', e)
