x = 5
print(1 < x < 10, 1 < x > 10, 1 == 1 < 2, x > 3 != 4)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(2), calls)
print('a' < 'b' <= 'b' < 'c')
print(1 < 2 == 2.0 is not x)
