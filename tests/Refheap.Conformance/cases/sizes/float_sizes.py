import sys
for x in (0.0, -0.0, 1.5, 1e300, float('inf'), float('nan'), 3.14159265358979):
    print(repr(x), sys.getsizeof(x))
print(sys.getsizeof(complex(1, 2)), sys.getsizeof(1j))
