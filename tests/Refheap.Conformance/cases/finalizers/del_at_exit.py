class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del at exit', self.name)
a = N('global a')
b = N('global b')
lst = [N('in list')]
print('end of script')
