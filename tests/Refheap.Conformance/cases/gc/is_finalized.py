import gc
class Lazarus:
    def __del__(self):
        global saved
        saved = self
x = Lazarus()
x.me = x
print(gc.is_finalized(x))
del x
gc.collect()
print(gc.is_finalized(saved))
print(gc.is_finalized(3), gc.is_finalized([]))
