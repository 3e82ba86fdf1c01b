import struct, array
print(struct.pack('<iHd', -1, 65535, 1.5), struct.calcsize('<iHd'), struct.calcsize('iHd'), struct.calcsize('@bq'), struct.calcsize('=bq'), struct.calcsize('hcid'))
for fmt, vals in [('>I', (1,)), ('<q', (-2,)), ('!h', (-300,)), ('@i?c', (7, True, b'z')), ('<5s', (b'ab',)), ('<3p', (b'hello',)), ('<f', (0.1,)), ('>d', (-2.5e-300,)), ('<e', (1.5,)), ('<f', (1e-40,)), ('<e', (65504.0,)), ('<d', (float('inf'),)), ('<2h3x?', (1, 2, False)), ('<Q', (2**64 - 1,))]:
    b = struct.pack(fmt, *vals)
    print(fmt, b, struct.unpack(fmt, b))
print(struct.unpack('<f', struct.pack('<f', 3.14159)), struct.unpack('<e', b'\x00\x3c'), struct.unpack('>f', b'\x7f\x80\x00\x00'), struct.unpack('<d', struct.pack('<d', -0.0)))
s = struct.Struct('<hh')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00'), list(s.iter_unpack(b'\x01\x00\x02\x00\x03\x00\x04\x00')), s.unpack_from(b'xx\x05\x00\x06\x00', 2))
buf = bytearray(6)
s.pack_into(buf, 1, 7, 8)
print(buf)
for fmt, vals in [('<h', (70000,)), ('b', (200,)), ('B', (-1,)), ('<I', (-1,)), ('<i', ('x',)), ('<d', ('x',)), ('<hh', (1,)), ('z', ()), ('<f', (1e40,)), ('c', (b'ab',)), ('q', (2**64,)), ('h', (40000,))]:
    try:
        struct.pack(fmt, *vals)
    except (struct.error, OverflowError) as e:
        print(fmt, type(e).__name__, e)
try: struct.unpack('<i', b'12')
except struct.error as e: print(e)
try: s.unpack_from(b'12', 1)
except struct.error as e: print(e)
a = array.array('i', [1, 2, 3])
a.append(4)
print(a, a.itemsize, a.tolist(), a.tobytes()[:8], sum(a), len(a), a[1], a[1:3], a[-1], 3 in a, a.typecode)
d = array.array('d', [0.5])
print(d, array.array('b', b'\x01\xff'), array.array('u', 'hi'), array.array('l'), array.array('f', [0.1])[0], array.array('B', [1, 2]) == array.array('B', [1, 2]))
a.extend([5, 6]); a.insert(0, 0); a.pop(); a.remove(3); a.reverse()
print(a, a.index(2), a.count(1), a + array.array('i', [9]), a * 2, list(reversed(a)))
a[0] = 42; del a[1]
print(a, a.buffer_info()[1])
b = array.array('h'); b.frombytes(b'\x01\x00\xff\xff'); print(b); b.byteswap(); print(b)
for code, v in [('b', 200), ('B', -1), ('h', 40000), ('i', 2**31), ('i', 1.5), ('d', 'x'), ('q', 2**63)]:
    try:
        array.array(code, [v])
    except (OverflowError, TypeError) as e:
        print(code, type(e).__name__, e)
try: array.array('z')
except ValueError as e: print(e)
print([array.array(c).itemsize for c in array.typecodes], array.typecodes)
