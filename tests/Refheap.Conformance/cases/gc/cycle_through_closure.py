import gc
gc.collect()
def make():
    def inner():
        return inner
    return inner
f = make()
del f
print(gc.collect())
