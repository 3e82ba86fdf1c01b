import gc
stats = gc.get_stats()
print(len(stats))
print([sorted(s) for s in stats])
