import gc
gc.collect()
log = []
class Node:
    pass
def cb(phase, info):
    log.append((phase, info['generation'], info['collected']))
gc.set_threshold(50, 10, 10)
gc.callbacks.append(cb)
for i in range(120):
    n = Node()
    n.me = n
del n
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
for entry in log:
    print(entry)
