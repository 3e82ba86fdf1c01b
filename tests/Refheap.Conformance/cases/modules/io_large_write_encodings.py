# Writing a large text file in many writes (streamed to disk in chunks by refheap): encoding, newline translation and a utf-8-sig BOM only at the start; a binary file re-read by seek; sizes and contents match.
import os, tempfile
d = tempfile.mkdtemp()
for enc, nl in [('utf-8', None), ('utf-8-sig', '\r\n'), ('latin-1', '\r')]:
    p = os.path.join(d, 'big.txt')
    with open(p, 'w', encoding=enc, newline=nl) as f:
        for i in range(30000):
            f.write('line %d é\n' % i)
        t = f.tell()
    data = open(p, 'rb').read()
    print(enc, repr(nl), len(data), data[:12], sum(data) % 1000003, data[-12:])
    with open(p, encoding=enc) as f:
        lines = f.readlines()
    print(len(lines), lines[0], lines[-1])
    os.remove(p)
with open(os.path.join(d, 'b.bin'), 'wb') as f:
    for i in range(20000):
        f.write(b'%d,' % i)
    f.seek(0)
    f.write(b'X')
print(open(os.path.join(d, 'b.bin'), 'rb').read()[:10], os.path.getsize(os.path.join(d, 'b.bin')))
os.remove(os.path.join(d, 'b.bin')); os.rmdir(d)
