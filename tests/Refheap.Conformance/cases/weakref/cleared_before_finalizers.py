import gc
import weakref
class N:
    def __del__(self):
        print('__del__: weakref already cleared:', watcher() is None)
gc.collect()
n = N()
n.me = n
watcher = weakref.ref(n)
del n
gc.collect()
print('end')
