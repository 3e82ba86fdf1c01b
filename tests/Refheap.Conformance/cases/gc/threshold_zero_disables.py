import gc
gc.collect()
gc.set_threshold(0)
events = []
gc.callbacks.append(lambda phase, info: events.append(phase))
junk = [[] for _ in range(5000)]
print(events)
print(gc.isenabled())
