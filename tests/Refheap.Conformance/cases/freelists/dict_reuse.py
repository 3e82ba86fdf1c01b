a = {'x': 1}
ida = id(a)
del a
b = {'y': 2}
print(id(b) == ida)
