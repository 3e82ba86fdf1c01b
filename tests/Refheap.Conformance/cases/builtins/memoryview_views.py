b = bytearray(b'abcdef')
m = memoryview(b)
print(m.nbytes, m.obj is b, m.shape, m.strides, m.ndim, m.c_contiguous, m.readonly)
s = m[::2]
print(s.tobytes(), s.tolist(), len(s), s.strides, s.c_contiguous)
m[1:3] = b'XY'
print(b, m[-1], bytes(m[2:4]))
with memoryview(b'xyz') as v:
    print(v.tobytes(), v.readonly, v[-1], v == b'xyz')
for op in ['v[0]', 'len(v)', 'v.tobytes()', 'v.nbytes', 'v.obj', 'v.format', 'v.tolist()']:
    try:
        eval(op)
    except ValueError as e:
        print(op, 'ValueError', e)
print(v == b'xyz', v == v)
for bad in ["memoryview(b'ab')[0] = 1", "memoryview('s')", "m[10]", "m[0] = 256", "m[0] = 'a'", "m[0:2] = b'abc'", "hash(m)"]:
    try:
        exec(bad)
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(hash(memoryview(b'ab')) == hash(b'ab'))
