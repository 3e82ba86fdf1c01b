b = bytearray(b'abcdef')
m = memoryview(b)
print(m[0], bytes(m[1:3]), len(m), m.readonly, m.format, m.itemsize)
m[0] = 65
print(b)
print(m.tolist()[:3], m.tobytes())
m.release()
try:
    m[0]
except ValueError as e:
    print('ValueError', e)
