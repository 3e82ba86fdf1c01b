x = 1.5
y = 3.0
a = x * y
ida = id(a)
del a
b = x + y
print(id(b) == ida)
c = x - y
print(id(c) == ida)
