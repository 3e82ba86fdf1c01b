for i in range(5):
    if i == 3:
        break
else:
    print('not reached')
print('broke at', i)
for i in range(3):
    pass
else:
    print('loop completed')
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print('even', n)
else:
    print('not reached either')
for x in []:
    pass
else:
    print('empty loop else')
