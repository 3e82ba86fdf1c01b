import gc
seen = []
gc.callbacks.append(lambda phase, info: seen.append((phase, sorted(info))))
gc.collect(1)
gc.callbacks.clear()
for s in seen:
    print(s)
print(type(gc.callbacks).__name__, len(gc.callbacks))
