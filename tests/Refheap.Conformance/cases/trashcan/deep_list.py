lst = []
for _ in range(10 ** 6):
    lst = [lst]
del lst
print('deep list freed')
