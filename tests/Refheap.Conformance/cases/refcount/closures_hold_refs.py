import sys
class Big:
    pass
big = Big()
base = sys.getrefcount(big)
def make():
    captured = big
    def inner():
        return captured
    return inner
f = make()
print(sys.getrefcount(big) - base)
g = make()
print(sys.getrefcount(big) - base)
del f
print(sys.getrefcount(big) - base)
del g
print(sys.getrefcount(big) - base)
