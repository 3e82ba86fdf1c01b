print(round(3.14159, 2), round(2.5), round(-2.5), round(0.5), round(1.5), round(7, -1), round(15, -1), round(25, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(1e20, 2))
print(abs(-3), abs(-2.5), abs(3 + 4j), abs(-0.0), abs(True))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2**70, 7))
print(pow(3, 4), pow(3, -1), pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 3, 5), pow(2, 0.5))
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError', e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
