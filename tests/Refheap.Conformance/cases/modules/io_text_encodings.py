# utf-8-sig (BOM on encode, dropped on decode) and open()'s encoding, errors and newline for text files: universal newlines, a decode error raised by the first read, LookupError/ValueError for a bad encoding/newline.
import os, tempfile
print('abc'.encode('utf-8-sig'), 'é'.encode('utf_8_sig'), ''.encode('utf-8-sig'))
print(repr(b'\xef\xbb\xbfabc'.decode('utf-8-sig')), repr(b'abc'.decode('utf-8-sig')), repr(b'\xef\xbb\xbf'.decode('utf_8_sig')))
try:
    b'\xef\xbb\xbfab\xffc'.decode('utf-8-sig')
except UnicodeDecodeError as e:
    print(e)
print(b'\xef\xbb\xbfab\xffc'.decode('utf-8-sig', 'replace'))
d = tempfile.mkdtemp()
p = os.path.join(d, 'bom.txt')
with open(p, 'w', encoding='utf-8-sig') as f:
    f.write('héllo\n')
print(open(p, 'rb').read())
print(repr(open(p, encoding='utf-8-sig').read()), repr(open(p, encoding='utf-8').read()))
os.remove(p); os.rmdir(d)
d = tempfile.mkdtemp()
p = os.path.join(d, 'x.txt')
with open(p, 'wb') as f:
    f.write(b'a\r\nb\rc\nd\xe9\n')
for kw in [{}, {'newline': ''}, {'errors': 'replace'}, {'encoding': 'latin-1'}, {'errors': 'surrogateescape'}]:
    try:
        with open(p, **kw) as f:
            print(kw, repr(f.read()), f.encoding, f.errors)
    except UnicodeDecodeError as e:
        print(kw, 'UnicodeDecodeError', e)
f = open(p)
print('opened')
try:
    f.readline()
except UnicodeDecodeError as e:
    print('on read:', e)
f.close()
with open(p, 'w', newline='\r\n', encoding='latin-1') as f:
    f.write('x\ny\xe9\n')
print(open(p, 'rb').read())
for bad in [{'encoding': 'bogus'}, {'newline': 'x'}]:
    try:
        open(p, **bad)
    except (LookupError, ValueError) as e:
        print(type(e).__name__, e)
try:
    open(p, 'rb', errors='strict')
except ValueError as e:
    print(e)
with open(p, 'w', encoding='ascii', errors='backslashreplace') as f:
    f.write('é€')
print(open(p, 'rb').read())
try:
    with open(p, 'w', encoding='ascii') as f:
        f.write('é')
except UnicodeEncodeError as e:
    print('encode', e)
os.remove(p); os.rmdir(d)
