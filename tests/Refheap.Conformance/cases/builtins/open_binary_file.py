import os
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, 'open_binary_file.tmp')
with open(path, 'wb') as f:
    f.write(bytes(range(10)))
    f.write(b'\xff\xfe')
with open(path, 'rb') as f:
    print(f.read(4))
    print(f.tell())
    f.seek(-2, 2)
    print(f.read())
    f.seek(0)
    print(len(f.read()))
print(os.path.getsize(path))
os.remove(path)
try:
    open(path)
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror)
