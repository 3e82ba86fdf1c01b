t = ()
for _ in range(10 ** 6):
    t = (t,)
del t
print('deep tuple freed')
