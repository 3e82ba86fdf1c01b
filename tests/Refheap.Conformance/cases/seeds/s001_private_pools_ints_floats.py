# Seed 001: ints and floats once freed leave their blocks to be reused.
import gc
import sys
gc.collect()
base = sys.getallocatedblocks()
ints = [i * 1000 for i in range(50000)]
with_ints = sys.getallocatedblocks()
del ints
after_ints = sys.getallocatedblocks()
floats = [i * 0.5 for i in range(50000)]
with_floats = sys.getallocatedblocks()
del floats
after_floats = sys.getallocatedblocks()
print(with_ints - base > 50000, after_ints - base < 200)
print(with_floats - base > 50000, after_floats - base < 200)
