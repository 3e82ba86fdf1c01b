# divmod() through __divmod__/__rdivmod__ (subclass reflected first), float divmod() by zero, a negative float to a fractional power (complex, as float_pow hands it to complex), math.pow domain and range errors.
class M:
    def __init__(self, v): self.v = v
    def __divmod__(self, o): return ('divmod', self.v, o)
    def __rdivmod__(self, o): return ('rdivmod', self.v, o)
    def __floordiv__(self, o): return 'floordiv'
class N(M):
    def __rdivmod__(self, o): return ('N.rdivmod', self.v, o)
class Only:
    def __divmod__(self, o): return NotImplemented
print(divmod(M(1), 5), divmod(5, M(2)), divmod(M(1), N(2))[:2], divmod(7, 2), divmod(7.5, 2), divmod(-7, 2.0))
for f in (lambda: divmod(1.0, 0.0), lambda: divmod(1, 0), lambda: divmod(1, 0.0), lambda: divmod(Only(), 1), lambda: divmod('a', 1)):
    try: print(f())
    except (ZeroDivisionError, TypeError) as e: print(type(e).__name__, e)
print((-8.0) ** (1/3), (-8) ** (1/3), (-2.0) ** 0.5, (-1.5) ** 2.5, pow(-8.0, 1/3), (-8.0) ** -0.5)
import math
try: math.pow(-8, 1/3)
except ValueError as e: print('ValueError', e)
for args in ((0.0, -1.0), (10.0, 400.0), (-8.0, 2.0), (2.0, float('inf')), (float('nan'), 0.0), (-1.0, float('inf')), (0.0, 0.0), (-0.5, 0.5)):
    try: print(args, math.pow(*args))
    except (ValueError, OverflowError) as e: print(args, type(e).__name__, e)
