import sys
import weakref
class C:
    pass
c = C()
r = weakref.ref(c)
print(sys.getsizeof(r))
print(sys.getsizeof(weakref.proxy(c)))
def outer():
    x = 1
    def inner():
        return x
    return inner
cell = outer().__closure__[0]
print(type(cell).__name__, sys.getsizeof(cell))
