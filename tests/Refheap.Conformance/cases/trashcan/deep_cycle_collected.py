import gc
gc.disable()
first = last = []
for _ in range(200000):
    nxt = []
    last.append(nxt)
    last = nxt
last.append(first)
del first, last, nxt
print(gc.collect() >= 200000)
print('deep cycle collected')
