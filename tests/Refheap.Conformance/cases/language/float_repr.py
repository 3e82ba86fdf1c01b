for x in (0.1, 1.0, 1e16, 1e-7, 123456789.123456789, 2.0 ** 60, 1 / 7, -1.5e-300, 5e-324, 1.7976931348623157e308):
    print(repr(x), str(x))
print(float('nan') == float('nan'), float('inf') > 1e308)
print((0.1).as_integer_ratio(), (2.5).is_integer(), (0.5).hex())
print(float.fromhex('0x1.8p1'), 3.0.__round__(), round(0.125, 2))
