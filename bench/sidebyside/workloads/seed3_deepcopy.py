# Seed 003: the memory_profiler example (at 2M instead of 1M): x = list(range(n)); y = copy.deepcopy(x); del x
import copy
def my_func():
    x = list(range(2_000_000))
    y = copy.deepcopy(x)
    del x
    return y
y = my_func()
print(len(y), y[-1], sum(y))
