import gc
def bad(phase, info):
    raise RuntimeError('callback failed in ' + phase)
def good(phase, info):
    print('good', phase)
gc.callbacks.extend([bad, good])
print(gc.collect())
gc.callbacks.clear()
print('end')
