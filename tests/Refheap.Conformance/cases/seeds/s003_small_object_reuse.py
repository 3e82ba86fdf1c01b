# Seed 003: freed small blocks are reused by later objects of the same size class.
import gc
import sys
gc.collect()
base = sys.getallocatedblocks()
chunk = [str(i) * 3 for i in range(20000)]
peak = sys.getallocatedblocks()
del chunk
low = sys.getallocatedblocks()
chunk2 = [str(i) * 3 for i in range(20000)]
peak2 = sys.getallocatedblocks()
print(peak - base > 20000, low - base < 100, abs(peak2 - peak) < 100)
