def make(n):
    return tuple(range(n, n + 3))
t = make(1000)
first = id(t)
del t
u = make(2000)
print(id(u) == first)
small = (1, [])
s_id = id(small)
del small
other = (2, [])
print(id(other) == s_id)
