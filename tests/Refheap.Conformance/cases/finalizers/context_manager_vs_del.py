class Resource:
    def __init__(self, name):
        self.name = name
        print('open', name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print('close', self.name)
        return False
    def __del__(self):
        print('del', self.name)
with Resource('r1') as r:
    print('using', r.name)
print('after with')
del r
print('end')
