a = 7
b = 3 + 4
print(a is b)
c = 1000
d = int('1000')
print(c is d, c == d)
e = -5
f = int('-5')
print(e is f)
g = 257
h = int('257')
print(g is h)
