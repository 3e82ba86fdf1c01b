import typing
from typing import *
T = TypeVar('T'); K = TypeVar('K', bound=int); V = TypeVar('V', int, str, covariant=True)
print(T, K, V, K.__bound__, V.__constraints__, T.__name__)
print(List, List[int], Optional[int], Union[int, str], Union[int, None, str], Optional[Union[int, str]], Union[int], Union[int, int])
print(Dict[str, List[int]], Callable[[int, str], bool], Callable[..., int], Callable, Tuple[int, ...], Tuple[()], Tuple, Tuple[int, str])
print(Any, Literal['a', 1], ClassVar[int], Final[int], Type[int], Iterable[T], Sequence, Mapping[str, T][int], Dict[K, V])
print(List['Rec'], Optional['X'], typing.get_origin(List[int]), typing.get_args(Dict[str, int]), get_args(Callable[[int], str]), get_origin(Union[int, str]))
print(Union[int, str] == Union[str, int], List[int] == List[int], hash(List[int]) == hash(List[int]), Set[int], FrozenSet[str], Generator[int, None, None], Iterator[int])
print(isinstance([], List), isinstance({}, Mapping), issubclass(list, Sequence), isinstance(3, Union[int, str]))
try: isinstance([], List[int])
except TypeError as e: print(e)
try: List[int]()
except TypeError as e: print(e)
class Stack(Generic[T]):
    def __init__(self): self.items = []
    def push(self, x: T) -> None: self.items.append(x)
s = Stack[int]()
s.push(1)
print(Stack[int], s.items, Stack.__parameters__, Stack.__orig_bases__, Stack.__mro__, s.__orig_class__)
class Pair(Generic[K, V]): pass
print(Pair[int, str], Pair[int, T][str] if False else '')
try: Stack[int, str]
except TypeError as e: print(e)
class P(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return self.x + self.y
print(P(1), P(1, 2).norm(), P._fields, P.__annotations__, P._field_defaults, P.__mro__, P.__doc__)
Q = NamedTuple('Q', [('a', int), ('b', str)])
print(Q(1, 'x'), Q.__annotations__)
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='x', year=1)
print(m, type(m), Movie.__annotations__, Movie.__required_keys__, Movie.__total__, Movie.__mro__)
class M2(TypedDict, total=False):
    a: int
print(M2.__optional_keys__, M2(a=1))
M3 = TypedDict('M3', {'x': int})
print(M3(x=1), M3.__annotations__)
print(cast(int, 'x'), TYPE_CHECKING)
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x
print(f(3))
@final
class Fin: pass
print(Fin.__final__)
class Rec:
    a: int
    b: 'Rec'
    c: Optional['Rec'] = None
print(get_type_hints(Rec))
def g(a: int, b: 'str' = 'x') -> List[int]: pass
print(get_type_hints(g))
class Proto(Protocol):
    def meth(self) -> int: ...
@runtime_checkable
class Closable(Protocol):
    def close(self): ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable))
try: isinstance(F(), Proto)
except TypeError as e: print(e)
try: Proto()
except TypeError as e: print(e)
UserId = NewType('UserId', int)
print(UserId, UserId(5), UserId.__supertype__)
print(Annotated[int, 'meta'], get_type_hints(g))
print(AnyStr, Text, typing.Hashable, typing.Sized, Counter[str], Deque[int], DefaultDict[str, int], NoReturn, Type)
print(repr(Optional[List[int]]), Union[List[int], Dict[str, int]])
print(get_origin(Literal[1]), Literal[1] == Literal[1], ForwardRef('X'))
print(List[int].__origin__, List[int].__args__, Callable[[int], str].__args__, Optional[int].__args__)
print(type(None) in Optional[int].__args__, Union[int, str].__origin__)
print(Generic, Protocol, typing.Iterable[int].__origin__, T.__covariant__)
try: Generic[int]
except TypeError as e: print(e)
print(Mapping[K, V].__parameters__, Dict[str, T].__parameters__)
