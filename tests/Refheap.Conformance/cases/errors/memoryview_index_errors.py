# memoryview item access: the key becomes an index-sized int (IndexError when it cannot),
# then is bounds-checked, and only then is an assigned value checked.
m = memoryview(bytearray(b'abc'))
r = memoryview(b'abc')
cases = [
    lambda: m[2**70],
    lambda: m[-2**70],
    lambda: m[3],
    lambda: m[-4],
    lambda: m['x'],
    lambda: r[2**63],
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


def assign(view, key, value):
    try:
        view[key] = value
        print('ok', bytes(m))
    except Exception as e:
        print(type(e).__name__, e)


assign(m, 10, 'x')
assign(m, 2**70, 'x')
assign(m, 0, 'x')
assign(m, 0, 300)
assign(m, -1, 65)
assign(r, 0, 65)
assign(r, 10, 'x')
print(m[True], m[-3])
