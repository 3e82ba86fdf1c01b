n = 255
print(n.bit_length(), (-n).bit_length(), n.to_bytes(2, 'big'), int.from_bytes(b'\xff\xff', 'little', signed=True))
print((10).__add__(5), (3).__truediv__(2), (7).conjugate(), (6).numerator, (6).denominator, (5).real, (5).imag)
print((2**100).bit_length(), (12).as_integer_ratio(), int.__name__, (1).__class__.__name__)
print(True.__and__(False), (-7).__floordiv__(2), (0).__bool__())
