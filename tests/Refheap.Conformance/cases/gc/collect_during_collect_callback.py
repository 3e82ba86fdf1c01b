import gc
depth = []
def cb(phase, info):
    if phase == 'start' and not depth:
        depth.append(1)
        print('inner collect', gc.collect())
gc.callbacks.append(cb)
print('outer', gc.collect())
gc.callbacks.clear()
