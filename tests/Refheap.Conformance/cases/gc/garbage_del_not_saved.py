import gc
class WithDel:
    def __del__(self):
        print('__del__ runs')
gc.collect()
a = WithDel(); a.me = a
del a
print(gc.collect())
print(gc.garbage)
