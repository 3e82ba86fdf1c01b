t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:3], len(t), (1,) < (1, 2))
b = b'hello world'
print(b.upper(), b.split(), b.replace(b'o', b'0'), b.find(b'w'), b[0], b[:3], b.hex())
print(bytes.fromhex('41 42'), b.decode(), b'caf\xc3\xa9'.decode('utf-8'), 'é'.encode('latin-1'))
ba = bytearray(b'abc')
ba.append(100); ba.extend(b'ef'); ba[0] = 65
print(ba, bytes(ba), ba.pop(), len(ba))
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
print(b'\xff'.decode('utf-8', 'replace'), 'é'.encode('ascii', 'ignore'), 'é'.encode('ascii', 'backslashreplace'))
