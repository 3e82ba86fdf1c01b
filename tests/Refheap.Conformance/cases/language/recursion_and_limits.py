import sys
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
print(len(str(fact(500))))
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(900 < d < 1000)
