d = {}
for _ in range(10 ** 6):
    d = {'next': d}
del d
print('deep dict freed')
