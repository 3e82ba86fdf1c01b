# gc.get_count() seen from a "start" callback: the count that crossed the threshold plus the
# info dict; calling the callback builds no argument tuple (a vectorcall in CPython), which
# shows once the 2-tuple free list has been drained by the loop.
import gc
L = []
def cb(p, i):
    if p == "start":
        L.append(gc.get_count())
for make in (lambda i: (i, i), lambda i: [i, i]):
    gc.collect()
    L.clear()
    gc.callbacks.append(cb)
    z = [make(i) for i in range(2000)]
    gc.callbacks.remove(cb)
    print(L)
