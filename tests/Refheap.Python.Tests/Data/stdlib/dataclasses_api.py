import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
@dataclass
class P:
    x: int
    y: int = 0
p = P(1)
print(p, repr(p), p == P(1, 0), p != P(2), P.__init__.__qualname__ if hasattr(P.__init__, '__qualname__') else None)
try: P()
except TypeError as e: print(e)
try: P(1, 2, 3)
except TypeError as e: print(e)
try: P(1, z=3)
except TypeError as e: print(e)
try: P(1, x=3)
except TypeError as e: print(e)
print(P(y=5, x=2))
@dataclass
class Q:
    a: int
    b: int
    c: str
try: Q()
except TypeError as e: print(e)
try: Q(1)
except TypeError as e: print(e)
@dataclass(frozen=True)
class F:
    a: int
    b: tuple = ()
f = F(1)
try: f.a = 2
except FrozenInstanceError as e: print(type(e).__name__, e, isinstance(e, AttributeError))
try: del f.a
except FrozenInstanceError as e: print(type(e).__name__, e)
print(hash(f) == hash((1, ())), f)
@dataclass(order=True)
class O:
    a: int
    b: str = field(default='z', compare=False)
print(O(1) < O(2), O(2) >= O(1), sorted([O(3), O(1), O(2)]))
try: O(1) < 3
except TypeError as e: print(e)
print(O.__eq__(O(1), 3))
@dataclass
class N:
    name: str
    items: list = field(default_factory=list)
    secret: str = field(default='s', repr=False)
    internal: int = field(default=0, init=False)
    def __post_init__(self):
        self.internal = len(self.name)
n = N('abc')
print(n, n.internal, fields(n)[0].name, fields(n)[0].type, [f.name for f in fields(N)])
print(asdict(n), astuple(n), replace(n, name='xy'), is_dataclass(n), is_dataclass(N), is_dataclass(3))
@dataclass
class Nest:
    p: P
    ps: list
    d: dict
print(asdict(Nest(P(1), [P(2)], {'k': P(3)})), astuple(Nest(P(1), [P(2)], {'k': (P(3),)})))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print(e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e: print(e)
@dataclass(eq=False)
class NE:
    a: int
print(NE(1) == NE(1), NE.__hash__ is object.__hash__)
@dataclass
class H:
    a: int
print(H.__hash__)
@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: int = field(default=0, hash=False)
print(hash(UH(1, 5)) == hash((1,)))
@dataclass
class Base:
    x: int = 1
@dataclass
class Derived(Base):
    y: int = 2
    x: int = 5
print(Derived(), [f.name for f in fields(Derived)])
@dataclass(repr=False)
class NR:
    a: int
print(repr(NR(1)).startswith('<__main__.NR object'))
print(P.__dataclass_fields__['x'].type, P.__dataclass_params__ if False else '', P.__match_args__)
class ClassVarUser:
    pass
import typing
@dataclass
class CV:
    a: int
    b: typing.ClassVar[int] = 3
print(CV(1), [f.name for f in fields(CV)])
@dataclass
class Rec:
    a: int
    child: 'Rec' = None
r = Rec(1); r.child = r
print(r)
print(field(default=1).default, N.__doc__, P.__doc__, O.__doc__, K.__doc__ if 0 else '')
print(replace(P(1,2), y=7))
try: replace(P(1), z=2)
except TypeError as e: print(e)
try: fields(3)
except TypeError as e: print(e)
@dataclass(slots=True)
class S:
    a: int
    b: int = 2
print(S(1), S.__slots__)
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1))
try: K(1)
except TypeError as e: print(e)
print(type(dataclasses.MISSING).__name__, dataclasses.fields(P)[1].default_factory is dataclasses.MISSING)

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(WithPost(3), WithPost(3) == WithPost(3))
@dataclass
class Plain:
    a: int
    def __eq__(self, o): return True
print(Plain(1) == Plain(2), Plain.__hash__)
try:
    @dataclass(order=True)
    class BadOrder:
        a: int
        def __lt__(self, o): return True
except TypeError as e: print(e)
try:
    @dataclass(frozen=True)
    class FD(P):
        z: int = 0
except TypeError as e: print(e)
M = dataclasses.make_dataclass('M', ['a', ('b', int), ('c', int, field(default=3))])
print(M(1, 2), M(1, 2, 4).c)
@dataclass
class KWO:
    a: int
    _: dataclasses.KW_ONLY
    b: int = 1
    c: int
print(KWO(1, c=2), KWO.__match_args__)
try: KWO(1, 2)
except TypeError as e: print(e)
try: KWO(1)
except TypeError as e: print(e)
try: P(1, 2, 3, 4)
except TypeError as e: print(e)
@dataclass
class One:
    a: int = 1
try: One(1, 2)
except TypeError as e: print(e)
@dataclass
class Zero:
    pass
try: Zero(1)
except TypeError as e: print(e)
print(Zero(), Zero() == Zero())
