x = 'global'
def read():
    return x
def write():
    global x
    x = 'rebound'
def shadow():
    x = 'local'
    return x
print(read(), shadow(), x)
write()
print(read())
def unbound():
    print(x)
    x = 1
try:
    unbound()
except UnboundLocalError as e:
    print('UnboundLocalError', e)
