import gc
saved = []
class N:
    def __del__(self):
        print('__del__, resurrecting')
        saved.append(self)
gc.collect()
n = N()
n.me = n
del n
print(gc.collect())
print(len(saved), saved[0].me is saved[0])
saved.clear()
print(gc.collect())
print('end')
