# gc.get_count() around print() and sys.stdout.write(): print's argument parser makes its
# keyword tuple on the first call; each call packs its positional arguments in a tuple (from
# the tuple free list when it has one); the buffer's list of pending writes comes from the list
# free list. A full collection empties the free lists, so the first of each kind allocates anew.
import gc
import sys

gc.disable()
out = sys.stdout
results = []


def count():
    return gc.get_count()[0]


def probe(label, action):
    a = count()
    action()
    b = count()
    results.append((label, b - a))


gc.collect()
count()
count()
probe('nothing', lambda: None)
probe('write', lambda: out.write('x'))
probe('write again', lambda: out.write('x'))
probe('flush', lambda: out.flush())
probe('first print', lambda: print('a'))
probe('second print', lambda: print('a'))
probe('two objects', lambda: print('a', 'b'))
probe('two objects again', lambda: print('a', 'b'))
probe('keywords', lambda: print('a', 'b', sep='', end=''))
probe('print()', lambda: print())
gc.collect()
count()
count()
probe('after collect', lambda: print('c', 'd', 'e'))
probe('after collect again', lambda: print('c', 'd', 'e'))
for label, delta in results:
    sys.stderr.write(f'{label}: {delta}\n')
