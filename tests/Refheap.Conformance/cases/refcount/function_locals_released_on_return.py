class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
def work():
    a = T('local a')
    b = T('local b')
    print('returning')
    return 'result'
print(work())
def keep():
    t = T('returned')
    return t
k = keep()
print('kept', k.n)
del k
print('end')
