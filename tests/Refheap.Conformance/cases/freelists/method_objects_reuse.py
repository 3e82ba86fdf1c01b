class C:
    def m(self):
        return 1
c = C()
m1 = c.m
i1 = id(m1)
del m1
m2 = c.m
print(id(m2) == i1)
print(c.m is c.m)
print(c.m == c.m)
