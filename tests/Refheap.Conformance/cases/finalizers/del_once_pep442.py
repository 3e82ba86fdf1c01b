import gc
class Lazarus:
    count = 0
    def __del__(self):
        Lazarus.count += 1
        print('__del__ call', Lazarus.count)
        global survivor
        survivor = self
x = Lazarus()
del x
print('resurrected:', survivor is not None)
survivor = None
print('second death, calls:', Lazarus.count)
gc.collect()
print(Lazarus.count)
