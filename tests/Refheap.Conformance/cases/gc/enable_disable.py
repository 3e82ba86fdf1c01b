import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
class N:
    pass
n = N(); n.me = n
del n
gc.disable()
print(gc.collect())
gc.enable()
