import weakref
class C:
    def __init__(self):
        self.x = 5
    def method(self):
        return 'method'
c = C()
p = weakref.proxy(c)
print(p.x, p.method())
p.x = 6
print(c.x)
print(type(p).__name__)
del c
try:
    p.x
except ReferenceError as e:
    print('ReferenceError', e)
