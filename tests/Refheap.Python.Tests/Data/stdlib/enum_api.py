import enum
class Flags(enum.IntFlag):
    R = 4
    W = 2
    X = 1
class P(enum.Flag):
    R = 4
    W = 2
    X = 1
for F in (Flags, P):
    v = F.R | F.X
    print(repr(v), str(v), format(v), v.name, repr(~F.R), repr(F(0)), str(F(0)), list(F), len(F), repr(F(7)), list(F(7)))
    print(repr(F.R & F.W), F.R in F, F(7)._value_)
print(repr(Flags.R | 8), repr(Flags(8)), Flags.R + 1, Flags.R == 4)
try: P(8)
except ValueError as e: print(e)
class A(enum.Flag):
    X = enum.auto()
    Y = enum.auto()
    XY = X | Y
print(list(A), repr(A.XY), A.__members__)
print(list(A.XY))
class Color(enum.Enum):
    RED = 1
try:
    class C2(Color): X = 5
except TypeError as e: print(e)
try:
    class C3(enum.Enum):
        A = 1
        A = 2
except TypeError as e: print(e)
try: Color(5)
except ValueError as e: print(e)
try: Color['X']
except KeyError as e: print(repr(e))
except TypeError as e: print(e)
print(Color.RED in Color)
try: Color.RED = 3
except AttributeError as e: print(e)
try: Color.RED < Color.RED
except TypeError as e: print(e)
print(Color.__members__, repr(Color), type(Color), Color.RED.__class__)
class N(enum.IntEnum):
    A = enum.auto()
    B = enum.auto()
print(str(N.A), repr(N.A), f'{N.A}', N.A + N.B, format(Color.RED), f'{Color.RED:>10}|', N.A < N.B, N.A == 1, hash(N.A)==hash(1))
@enum.unique
class U(enum.Enum):
    A = 1
    B = 2
try:
    @enum.unique
    class U2(enum.Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e: print(e)
class U2(enum.Enum):
    A = 1
    B = 1
    C = 2
print(U2.B, U2.B is U2.A, list(U2), len(U2), U2.__members__)
class S(enum.StrEnum):
    X = enum.auto()
    Y = 'why'
print(S.X, repr(S.X), S.Y == 'why', S.X.upper())
E = enum.Enum('E', 'A B C')
print(list(E), repr(E.A))
E2 = enum.Enum('E2', [('X', 10), ('Y', 20)])
print(list(E2))
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
    @property
    def double(self): return self.mass*2
print(Planet.EARTH.value, Planet.EARTH.mass, Planet.EARTH.double, Planet((5.97e24, 6.37e6)))
class WithMeth(enum.Enum):
    A = 1
    def describe(self): return 'I am ' + self.name
    @classmethod
    def fav(cls): return cls.A
print(WithMeth.A.describe(), WithMeth.fav(), WithMeth.A.name, dir(WithMeth.A)[:3])
print(isinstance(Color.RED, Color), isinstance(Color.RED, enum.Enum), type(Color.RED).__mro__, N.__mro__)
print(enum.FlagBoundary.STRICT, repr(enum.KEEP), enum.EnumMeta is enum.EnumType)
d = {Color.RED: 'r'}
print(d[Color.RED], Color.RED == Color.RED, Color.RED != 1, bool(Color.RED))
print(list(reversed(Color)), Color._member_names_, Color._value2member_map_)
