x = None
for i in range(500000):
    if i % 3 == 0:
        x = [x]
    elif i % 3 == 1:
        x = (x,)
    else:
        x = {'k': x}
x = None
print('mixed chain freed')
