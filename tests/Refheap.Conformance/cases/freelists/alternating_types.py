ids = []
for i in range(5):
    f = float(i) + 0.5
    ids.append(id(f))
    del f
print(len(set(ids)) == 1)
x = [float(i) + 0.5 for i in range(100)]
print(len(set(map(id, x))) == 100)
