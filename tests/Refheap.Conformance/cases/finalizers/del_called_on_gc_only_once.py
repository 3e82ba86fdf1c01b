import gc
class N:
    calls = 0
    def __del__(self):
        N.calls += 1
        keep.append(self)
keep = []
gc.collect()
n = N(); n.me = n
del n
gc.collect()
print(N.calls, len(keep))
keep.clear()
print(gc.collect(), N.calls)
