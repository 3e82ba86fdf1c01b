x = 5
print(x is 5)
print(x is not 'a')
print('compiled with warnings on stderr')
