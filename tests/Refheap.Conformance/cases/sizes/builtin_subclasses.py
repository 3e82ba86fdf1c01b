import sys
print(sys.getsizeof(type('Z',(),{'__slots__':()})), sys.getsizeof(type('Z',(int,),{})), sys.getsizeof(type('Z',(list,),{})))
class T(tuple): pass
print(sys.getsizeof(T((1,2,3))), sys.getsizeof(T()))
class By(bytes): pass
print(sys.getsizeof(By(b'abc')))
class S(str): pass
class I(int): pass
class B(bytearray): pass
class L(list): pass
class D(dict): pass
print(sys.getsizeof(S('abc')), sys.getsizeof(I(5)), sys.getsizeof(B(b'ab')), sys.getsizeof(L()), sys.getsizeof(D()))
class F(float): pass
class C(complex): pass
class Fs(frozenset): pass
class St(set): pass
print(sys.getsizeof(F(1.5)), sys.getsizeof(C(1j)), sys.getsizeof(Fs()), sys.getsizeof(St([1,2])))
class E(ValueError): pass
class K(KeyError): pass
class O(OSError): pass
print(sys.getsizeof(E('x')), sys.getsizeof(K()), sys.getsizeof(O()))
class Bo(int): __slots__ = ()
class Sl: __slots__ = ('a', 'b')
print(sys.getsizeof(Bo(3)), sys.getsizeof(Sl()), sys.getsizeof(Sl))
for o in (S('abc'), By(b'abc'), B(b'ab'), I(5), S(), By()):
    print(type(o).__name__, sys.getsizeof(o), repr(o))
s = S('abc'); s.x = 1; print(s.x, s.__dict__)
print(T.__basicsize__, By.__basicsize__, I.__basicsize__, L.__basicsize__, S.__basicsize__ if False else '')
import weakref
for o in (L([1]), D(a=1), F(2.0), St(), E('e')):
    print(type(o).__name__, weakref.ref(o)() is o)
