import gc
import sys
gc.collect()
print(sys.getallocatedblocks() > 0)
base = sys.getallocatedblocks()
objs = [object() for _ in range(1000)]
print(sys.getallocatedblocks() - base >= 1000)
del objs
print(sys.getallocatedblocks() - base < 10)
