import sys
class Resource:
    pass
def fail(r):
    raise ValueError('x')
r = Resource()
base = sys.getrefcount(r)
try:
    fail(r)
except ValueError as e:
    print(sys.getrefcount(r) - base > 0)
    saved = e
print(sys.getrefcount(r) - base)
saved = None
print(sys.getrefcount(r) - base)
