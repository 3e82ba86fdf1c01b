def len(x):
    return 'shadowed'
print(len([1, 2]))
del len
print(len([1, 2]))
import builtins
print(builtins.len is len)
list = 'oops'
print(list)
del list
print(list('ab'))
