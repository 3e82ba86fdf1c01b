print('before')
x = 1 / 0
print('not reached')
