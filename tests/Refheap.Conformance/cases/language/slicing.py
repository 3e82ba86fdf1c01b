s = list(range(10))
print(s[2:5], s[:3], s[7:], s[::2], s[::-1], s[-3:], s[1:-1:3])
print(s[100:], s[-100:2], s[5:2])
t = s[:]
t[2:5] = ['a', 'b']
print(t)
t[::2] = 'x' * len(t[::2])
print(t)
del t[1::2]
print(t)
print('hello'[::-1], 'hello'[1:4], (1, 2, 3)[::-1])
print(slice(1, 10, 2).indices(5))
try:
    s[::2] = [1]
except ValueError as e:
    print('ValueError', e)
