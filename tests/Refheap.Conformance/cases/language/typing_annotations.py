from typing import List, Optional, Dict
def f(xs: List[int], d: Optional[Dict[str, int]] = None) -> int:
    return sum(xs)
print(f([1, 2, 3]))
print(f.__annotations__['xs'], f.__annotations__['return'])
x: int = 5
print(__annotations__)
class C:
    a: int
    b: str = 'b'
print(C.__annotations__, hasattr(C, 'a'))
