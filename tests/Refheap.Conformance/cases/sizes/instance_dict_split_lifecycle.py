# Instance __dict__ sizes as 3.11's split (shared-keys) dicts: per-instance usable entries,
# keys added through the dict, conversion to combined (no room, non-str key, popitem, clear,
# merge), copies, and a dict that outlives its class.
import sys
class C: pass
a=C(); b=C()
print(sys.getsizeof(a.__dict__))
a.x=1
print(sys.getsizeof(a.__dict__))
for i in range(10): setattr(a,'k%d'%i,i)
print(sys.getsizeof(a.__dict__))
b.y=2
print(sys.getsizeof(b.__dict__))
d=dict(a.__dict__); print(sys.getsizeof(d))
e=a.__dict__.copy(); print(sys.getsizeof(e), e == a.__dict__)
class D:
  def __init__(s): s.a=1; s.b=2
x=D(); print(sys.getsizeof(x.__dict__)); x.__dict__['zz']=3; print(sys.getsizeof(x.__dict__))
del x.a; print(sys.getsizeof(x.__dict__))
y=D(); y.zz=5; print(sys.getsizeof(y.__dict__), list(y.__dict__))
x.__dict__[1]=2; print(sys.getsizeof(x.__dict__))
z=D(); dz=z.__dict__; print(dz.popitem(), sys.getsizeof(dz))
w=D(); dw=w.__dict__; dw.clear(); print(sys.getsizeof(dw)); dw['a']=1; print(sys.getsizeof(dw))
v=D(); dv=v.__dict__; dv.update({'k%d'%i: i for i in range(50)}); print(sys.getsizeof(dv))
u=D(); du=u.__dict__; del D; import gc; gc.collect(); print(sys.getsizeof(du))
class E: pass
objs=[E() for i in range(40)]
for o in objs[:3]: o.p=1
print(sys.getsizeof(objs[0].__dict__), sys.getsizeof(objs[39].__dict__))
f=E(); df=f.__dict__
for i in range(35):
    df['n%d'%i]=i
    if i in (0,1,5,6,10,20,30,34): print(i, sys.getsizeof(df))
