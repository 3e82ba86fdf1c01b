import sys
a = ''.join(['inter', 'ned'])
b = ''.join(['inter', 'ned'])
print(a == b, a is b)
ia = sys.intern(a)
ib = sys.intern(b)
print(ia is ib, ia is a)
try:
    sys.intern(1)
except TypeError as e:
    print('TypeError', e)
class S(str):
    pass
try:
    sys.intern(S('x'))
except TypeError as e:
    print('TypeError', e)
