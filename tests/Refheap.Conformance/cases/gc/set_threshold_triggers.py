import gc
gc.collect()
runs = []
gc.callbacks.append(lambda ph, info: runs.append(info['generation']) if ph == 'start' else None)
gc.set_threshold(10, 1, 1)
keep = []
for i in range(60):
    keep.append({'x': [i]})
gc.set_threshold(700, 10, 10)
gc.callbacks.clear()
print(runs)
