# Seed 003: list(range(n)), deepcopy, del: what is shared and what is copied.
import copy
import sys
def function(n):
    x = list(range(n))
    y = copy.deepcopy(x)
    print(y == x, y is x, all(a is b for a, b in zip(x, y)))
    print(sys.getsizeof(x), sys.getsizeof(y))
    del x
    return y
y = function(10000)
print(len(y), y[-1])
