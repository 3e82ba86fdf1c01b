# Seed 004: caches are the first place to look: an unbounded cache grows forever.
import functools
import gc
calls = 0
@functools.lru_cache(maxsize=None)
def unbounded(n):
    global calls
    calls += 1
    return [n] * 3
@functools.lru_cache(maxsize=32)
def bounded(n):
    return [n] * 3
for i in range(1000):
    unbounded(i % 500)
    bounded(i)
print(unbounded.cache_info())
print(bounded.cache_info())
print(calls)
unbounded.cache_clear()
print(unbounded.cache_info())
