# open()'s text files: the native __next__ and write (plain cases) and their Python fallbacks.
import os

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'file_iteration_write.tmp')


class Sub(str):
    pass


with open(path, 'w') as f:
    print(f.write('abc\n'), f.write(''), f.write(Sub('sub\n')))
    for i in range(3000):
        f.write('line %d %s\n' % (i, 'x' * (i % 40)))
    print(f.write('\u00e9\u20ac\U0001f600\nlast'))
    try:
        f.write(b'bytes')
    except TypeError as e:
        print('TypeError:', e)
try:
    f.write('closed')
except ValueError as e:
    print('ValueError:', e)

with open(path) as f:
    print(repr(next(f)), repr(next(f)))
    lines = list(f)
    print(len(lines), repr(lines[0]), repr(lines[-2]), repr(lines[-1]))
    print(repr(f.readline()), repr(f.read()))
    try:
        next(f)
    except StopIteration as e:
        print('StopIteration', e.args)
try:
    next(f)
except ValueError as e:
    print('ValueError:', e)

with open(path) as f:
    first = f.readline()
    f.seek(0)
    print(first == f.readline(), sum(1 for _ in f))
    try:
        f.write('x')
    except OSError as e:
        print(type(e).__name__, e)

with open(path, 'rb') as f:
    sizes = [len(line) for line in f]
    print(len(sizes), sizes[:3], sizes[-2:])

with open(path, 'a') as f:
    f.write('\nappended\n')
with open(path) as f:
    text = [line for line in f]
print(repr(text[0]), repr(text[-2]), repr(text[-1]))

with open(path, 'w') as f:
    f.write('no newline at the end')
with open(path) as f:
    print(list(f))
os.remove(path)
