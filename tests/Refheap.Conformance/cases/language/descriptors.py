class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.slot = '_' + name
    def __get__(self, obj, owner):
        if obj is None:
            return 'descriptor on ' + owner.__name__
        return getattr(obj, self.slot)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError('expected ' + self.kind.__name__)
        setattr(obj, self.slot, value)
class Rec:
    n = Typed(int)
r = Rec()
r.n = 5
print(r.n, Rec.n)
try:
    r.n = 'x'
except TypeError as e:
    print('TypeError', e)
