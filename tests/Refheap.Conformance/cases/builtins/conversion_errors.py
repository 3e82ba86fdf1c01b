cases = [
    lambda: int('abc'), lambda: int('1.5'), lambda: int(''), lambda: int('12', 1),
    lambda: float('x1'), lambda: float(''), lambda: int(None), lambda: float([]),
    lambda: int(float('inf')), lambda: int(float('nan')), lambda: complex('1+'),
    lambda: bytes('x'), lambda: chr(-1), lambda: chr(0x110000), lambda: ord('ab'),
    lambda: int('9' * 5000),
]
for c in cases:
    try:
        c()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, str(e)[:100])
