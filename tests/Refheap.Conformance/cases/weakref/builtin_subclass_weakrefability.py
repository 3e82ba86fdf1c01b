# Which builtin subclasses can be weakly referenced: str's yes; bytes', tuple's and int's no (variable-sized in CPython).
import weakref, sys, gc
class S(str): pass
class B(bytes): pass
class T(tuple): pass
class I(int): pass
for cls, arg in ((S, 'abc'), (B, b'abc'), (T, (1, 2)), (I, 5)):
    o = cls(arg)
    try:
        r = weakref.ref(o, lambda r: print('cb', cls.__name__))
        print(cls.__name__, r() is o, weakref.getweakrefcount(o), sys.getsizeof(o))
        del o
        print('after del', r())
    except TypeError as e:
        print(cls.__name__, 'TypeError', e)
