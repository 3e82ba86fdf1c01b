# print() makes one file.write() call per object, separator and end (PyFile_WriteObject),
# looks the method up before converting each object, and stops where a conversion fails.
import sys


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(s)
        return len(s)

    def flush(self):
        self.calls.append('<flush>')


r = Recorder()
print('a', 1, 2.5, file=r)
print(file=r)
print('x', 'y', sep='', end='', file=r)
print('x', 'y', sep=None, end=None, file=r)
print('p', 'q', sep='--', end='!\n', file=r, flush=True)
print('f', file=r, flush=0)
print('g', file=r, flush=[1])
print(r.calls)


class Bad:
    def __str__(self):
        raise ValueError('no str')


r = Recorder()
try:
    print('before', Bad(), 'after', file=r)
except ValueError as e:
    print('ValueError:', e)
print(r.calls)


class Counting:
    def __init__(self):
        self.lookups = 0

    def __getattr__(self, name):
        self.lookups += 1
        if name == 'write':
            return lambda s: None
        raise AttributeError(name)


c = Counting()
print('a', 'b', 'c', file=c)
print('lookups of write:', c.lookups)

for bad in [dict(sep=1), dict(end=b'x'), dict(spam=1)]:
    try:
        print('z', file=r, **bad)
    except TypeError as e:
        print('TypeError:', e)

try:
    print('z', file=object())
except AttributeError as e:
    print('AttributeError:', e)


class StrSub(str):
    pass


class Weird:
    def __str__(self):
        return StrSub('weird')


r = Recorder()
print(Weird(), StrSub('sub'), file=r)
print([type(x).__name__ for x in r.calls])

saved = sys.stdout
sys.stdout = None
print('not printed anywhere')
sys.stdout = saved
print('stdout back')
print('to stderr', 1, file=sys.stderr)
