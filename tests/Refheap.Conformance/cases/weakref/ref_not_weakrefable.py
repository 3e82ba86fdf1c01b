import weakref
for obj in (1, 'str', (1, 2), [1], {'a': 1}, None, 1.5):
    try:
        weakref.ref(obj)
        print(type(obj).__name__, 'ok')
    except TypeError as e:
        print(type(obj).__name__, 'TypeError', e)
class Slotted:
    __slots__ = ('a',)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print('TypeError', e)
class ListSub(list):
    pass
print(weakref.ref(ListSub())() is None)
