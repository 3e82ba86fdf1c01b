import math
for f in ['acosh', 'asinh', 'atanh', 'cbrt', 'exp2', 'erf', 'erfc', 'frexp', 'modf', 'ulp']:
    for x in [0.0, -0.0, 0.5, 1.0, 2.5, -3.0, 1e300, float('inf'), float('-inf'), 7]:
        try:
            print(f, x, getattr(math, f)(x))
        except (ValueError, OverflowError) as e:
            print(f, x, type(e).__name__, e)
for a, b in [(1.0, 5), (1.0, 2000), (0.0, 10 ** 30), (1.5, -1080), (3, 2)]:
    try:
        print(math.ldexp(a, b))
    except OverflowError as e:
        print('OverflowError', e)
print(math.remainder(7, 2), math.remainder(-7.5, 2), math.nextafter(1, 2), math.nextafter(0, -1))
print(math.dist((1, 2, 3), (4, 5, 6)), math.dist([0, 0], [3, 4]), math.gamma(5), math.lgamma(1))
for bad in ['math.remainder(1, 0)', 'math.dist((1,), (1, 2))', 'math.erf("x")', 'math.modf()', 'math.ldexp(1, 1.5)', 'math.gamma(0)', 'math.remainder(1)']:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
