import sys
x = object()
n1 = sys.getrefcount(x)
y = [x]
n2 = sys.getrefcount(x)
print(n2 - n1)
try:
    sys.getrefcount()
except TypeError as e:
    print('TypeError', e)
