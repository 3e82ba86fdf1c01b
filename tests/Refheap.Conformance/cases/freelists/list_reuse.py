a = [1, 2, 3]
ida = id(a)
del a
b = [4, 5]
print(id(b) == ida)
c = list(range(10))
idc = id(c)
del c
d = []
print(id(d) == idc)
