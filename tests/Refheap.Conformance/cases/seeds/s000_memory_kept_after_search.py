# Seed 000: after a big search the objects are freed; the blocks return to pymalloc.
import gc
import sys
def big_search(n):
    frontier = [[i] for i in range(n)]
    paths = [p + [i] for i, p in enumerate(frontier)]
    return len(paths)
gc.collect()
before = sys.getallocatedblocks()
print(big_search(100000))
gc.collect()
after = sys.getallocatedblocks()
print('blocks still allocated after the search < 1000:', after - before < 1000)
