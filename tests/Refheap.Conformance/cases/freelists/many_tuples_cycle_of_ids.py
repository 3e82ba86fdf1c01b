seen = set()
for i in range(1000):
    t = (i, i + 1)
    seen.add(id(t))
    del t
print(len(seen) <= 2)
