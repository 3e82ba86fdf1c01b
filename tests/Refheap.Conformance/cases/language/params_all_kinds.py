def f(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return (a, b, c, args, d, e, sorted(kwargs.items()))
print(f(1, d=4))
print(f(1, 20, 30, 40, 50, d=4, z=9, y=8))
print(f(1, c=33, d=4, e=55))
try:
    f(a=1, d=4)
except TypeError as e:
    print('TypeError', e)
try:
    f(1)
except TypeError as e:
    print('TypeError', e)
try:
    f(1, d=4, c=3, **{'c': 4})
except TypeError as e:
    print('TypeError', e)
