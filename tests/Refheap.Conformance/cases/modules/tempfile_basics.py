# tempfile: NamedTemporaryFile (delete on close, delete=False), TemporaryDirectory (cleanup on
# exit and when collected), mkdtemp, SpooledTemporaryFile rollover, TemporaryFile; names come
# from os.urandom, so a seeded random sequence is not disturbed.
import tempfile, os, random, gc
random.seed(5)
d = tempfile.gettempdir()
print(os.path.isabs(d), tempfile.gettempprefix())
with tempfile.NamedTemporaryFile('w+', suffix='.txt', prefix='rh_') as f:
    name = f.name
    print(os.path.basename(name).startswith('rh_'), name.endswith('.txt'), len(os.path.basename(name)))
    f.write('hello\nworld\n')
    f.flush()
    print(os.path.exists(name))
    f.seek(0)
    print(f.read().split())
    print([line for line in open(name)])
print(os.path.exists(name))
f = tempfile.NamedTemporaryFile(delete=False)
f.write(b'abc'); f.close()
print(open(f.name, 'rb').read(), os.path.exists(f.name)); os.remove(f.name)
with tempfile.TemporaryDirectory(prefix='rhd_') as td:
    print(os.path.isdir(td), os.path.basename(td)[:4])
    os.mkdir(os.path.join(td, 'sub'))
    with open(os.path.join(td, 'sub', 'x.txt'), 'w') as g:
        g.write('x')
print(os.path.exists(td))
t = tempfile.TemporaryDirectory()
p = t.name
del t
gc.collect()
print(os.path.exists(p))
dd = tempfile.mkdtemp(suffix='_s')
print(os.path.isdir(dd), dd.endswith('_s')); os.rmdir(dd)
s = tempfile.SpooledTemporaryFile(max_size=10, mode='w+')
s.write('short')
print(s._rolled, s.name)
s.write('a much longer text')
print(s._rolled, s.name is not None)
s.seek(0); print(s.read())
s.close()
with tempfile.TemporaryFile() as tf:
    tf.write(b'data'); tf.seek(0); print(tf.read())
print(random.random())
print(len(os.urandom(5)))
