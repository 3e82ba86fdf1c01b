def check(x):
    assert x > 0, 'x must be positive, got %d' % x
    return x
print(check(1))
try:
    check(-1)
except AssertionError as e:
    print('AssertionError', e)
try:
    assert False
except AssertionError as e:
    print('bare', repr(e))
a = [1, 2, 3]
del a[0]
print(a)
d = {'k': 1}
del d['k']
print(d)
v = 1
del v
try:
    v
except NameError as e:
    print('NameError', e)
