import gc
class C:
    def __init__(self):
        self.cb = self.method
    def method(self):
        pass
gc.collect()
c = C()
del c
print(gc.collect())
