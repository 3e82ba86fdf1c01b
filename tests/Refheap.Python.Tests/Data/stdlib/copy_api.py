import copy, copyreg

print(copy.__all__, copy.error is copy.Error, issubclass(copy.Error, Exception))

class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return 'P(%r, %r)' % (self.x, self.y)

a = [1, [2, 3], {'k': [4]}, (5, [6]), {7, 8}, frozenset([9]), P(1, [2])]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d[1] is a[1], d[2] is a[2], d[3] is a[3], d[3][1] is a[3][1])
print(d[:6] == a[:6], d[6], d[6] is a[6], d[6].y is a[6].y)
t = (1, 2, 'x')
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
for v in [None, 1, 2.5, 3j, 'str', b'b', True, Ellipsis, NotImplemented, len, P, range(3), print]:
    print(copy.copy(v) is v, copy.deepcopy(v) is v)
ba = bytearray(b'ab')
print(copy.copy(ba) == ba, copy.copy(ba) is ba)
print(sorted(copy.copy({3, 1, 2})), copy.copy({'a': 1}))

# cycles
l = [1]
l.append(l)
dl = copy.deepcopy(l)
print(dl[1] is dl, dl is not l)
dd = {}
dd['self'] = dd
print(copy.deepcopy(dd)['self'] is not dd)
n = P(1, None)
n.y = n
dn = copy.deepcopy(n)
print(dn.y is dn, dn is not n)
tt = ([],)
tt[0].append(tt)
dt = copy.deepcopy(tt)
print(dt[0][0] is dt, dt is not tt)

# memo
memo = {}
shared = [1, 2]
pair = [shared, shared]
dp = copy.deepcopy(pair, memo)
print(dp[0] is dp[1], id(shared) in memo, memo[id(shared)] is dp[0], id(memo) in memo)
r = copy.deepcopy(shared, {id(shared): 'memoized'})
print(r)

# hooks
class H:
    def __init__(self, v): self.v = v
    def __copy__(self):
        print('__copy__')
        return H(self.v)
    def __deepcopy__(self, memo):
        print('__deepcopy__', type(memo).__name__)
        return H(copy.deepcopy(self.v, memo))
h = H([1])
print(copy.copy(h).v is h.v, copy.deepcopy(h).v is h.v)

class S:
    def __init__(self): self.a = 1; self.b = [2]
    def __getstate__(self):
        print('getstate')
        return {'a': self.a, 'b': self.b, 'extra': 'e'}
    def __setstate__(self, st):
        print('setstate', sorted(st))
        self.__dict__.update(st)
s1 = S()
s2 = copy.deepcopy(s1)
print(s2.a, s2.b, s2.extra, s2.b is s1.b)
s3 = copy.copy(s1)
print(s3.b is s1.b)

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1; self.b = [2]
sl = copy.deepcopy(Slotted())
print(sl.a, sl.b, type(sl).__name__)
sl2 = Slotted(); del sl2.b
sl3 = copy.copy(sl2)
print(sl3.a, hasattr(sl3, 'b'))

class Both:
    __slots__ = ('a', '__dict__')
b = Both(); b.a = 1; b.z = [3]
bc = copy.deepcopy(b)
print(bc.a, bc.z, bc.z is b.z)

class Red:
    def __init__(self, *args): self.args = args
    def __reduce__(self):
        return (Red, (1, [2]), {'st': 3})
rc = copy.deepcopy(Red())
print(rc.args, rc.st)
class StrRed:
    def __reduce__(self): return 'global_name'
sr = StrRed()
print(copy.copy(sr) is sr, copy.deepcopy(sr) is sr)

class MyList(list):
    pass
ml = MyList([1, [2]]); ml.attr = 'a'
mlc = copy.deepcopy(ml)
print(type(mlc).__name__, mlc, mlc.attr, mlc[1] is ml[1])
mls = copy.copy(ml)
print(type(mls).__name__, mls, mls[1] is ml[1])
class MyDict(dict):
    pass
md = MyDict(a=[1])
mdc = copy.deepcopy(md)
print(type(mdc).__name__, mdc, mdc['a'] is md['a'], copy.copy(md)['a'] is md['a'])

class Meth:
    def m(self): return self
mo = Meth()
bm = copy.deepcopy(mo.m)
print(bm.__self__ is not mo, type(bm.__self__).__name__)

class NoCopy:
    def __reduce_ex__(self, proto):
        raise TypeError('nope')
try:
    copy.copy(NoCopy())
except TypeError as e:
    print('TypeError', e)

class Pt:
    def __init__(self, x): self.x = x
def reduce_pt(p):
    print('reduce_pt')
    return (Pt, (p.x * 10,))
copyreg.pickle(Pt, reduce_pt)
print(copy.copy(Pt(2)).x, copy.deepcopy(Pt(3)).x)
try:
    copyreg.pickle(Pt, 5)
except TypeError as e:
    print('TypeError', e)
print(copy.copy(3+4j), copy.deepcopy(3j))
import weakref
class W: pass
w = W()
wr = weakref.ref(w)
print(copy.copy(wr) is wr, copy.deepcopy(wr) is wr)
print(copy.deepcopy(int | str) == (int | str))
