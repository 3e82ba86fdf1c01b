pass
x = 1
x = y = z = 2
a, b = b, a
a, *b = c
[a, b] = c
(a, b) = c
x.y = 1
x[0] = 1
x[1:2] = y
x += 1
x -= 1
x *= 2
x /= 2
x //= 2
x %= 3
x **= 2
x @= m
x &= 1
x |= 1
x ^= 1
x <<= 1
x >>= 1
x.a += 1
x[0] -= 1
x: int
x: int = 5
(x): int = 5
x.y: List[int] = []
x[0]: str
del x
del x, y
del x[0], x.a
del (a, b), [c]
assert x
assert x, "msg"
raise
raise E
raise E("x") from None
global a
global a, b, c
import os
import os.path
import os.path as p, sys
from os import path
from os import path as p, sep
from . import x
from .. import y
from .mod import z
from ...a.b import (c, d as e,)
from x import *
x = 1; y = 2;
if x: pass
while 0: break
for i in x: continue
x = yield
x = yield y
x = yield from z
def f(): return
def f(): return 1, 2
def f(): return *a, b
