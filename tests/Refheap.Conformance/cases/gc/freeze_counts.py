import gc
gc.collect()
print(gc.get_freeze_count() == 0)
gc.freeze()
frozen = gc.get_freeze_count()
print(frozen > 0)
keep = [[] for _ in range(10)]
gc.freeze()
print(gc.get_freeze_count() - frozen)
gc.unfreeze()
print(gc.get_freeze_count())
