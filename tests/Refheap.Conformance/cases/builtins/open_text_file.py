import os
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, 'open_text_file.tmp')
with open(path, 'w', encoding='utf-8') as f:
    print(f.write('first line\n'), f.write('caf\xe9 \u20ac\n'))
    f.writelines(['a\n', 'b\n'])
with open(path, encoding='utf-8') as f:
    print(repr(f.readline()))
    print(f.readlines())
with open(path, encoding='utf-8') as f:
    print([line.rstrip('\n') for line in f])
with open(path, 'a') as f:
    f.write('appended')
with open(path) as f:
    data = f.read()
print(repr(data[-8:]), len(data), f.closed)
os.remove(path)
print(os.path.exists(path))
