import gc
def cb(phase, info):
    print(phase, sorted(info.items()))
gc.collect()
gc.callbacks.append(cb)
class N:
    pass
n = N(); n.me = n
del n
print('returned', gc.collect())
gc.collect(1)
gc.collect(0)
gc.callbacks.remove(cb)
gc.collect()
print('done')
