import sys
lst = []
for _ in range(100000):
    lst = [lst]
try:
    repr(lst)
except RecursionError as e:
    print('RecursionError', e)
del lst
print('freed')
