import gc
gc.collect()
log = []
def cb(phase, info):
    if phase == 'stop':
        log.append((info['generation'], info['collected'], info['uncollectable']))
gc.set_threshold(100, 3, 3)
gc.callbacks.append(cb)
keep = []
for i in range(2000):
    keep.append([i])
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(len(log))
print(log)
