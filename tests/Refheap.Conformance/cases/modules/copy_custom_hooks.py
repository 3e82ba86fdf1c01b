import copy
class Tracked:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print('__copy__')
        return Tracked(self.v)
    def __deepcopy__(self, memo):
        print('__deepcopy__', type(memo).__name__)
        return Tracked(copy.deepcopy(self.v, memo))
t = Tracked([1])
print(copy.copy(t).v is t.v, copy.deepcopy(t).v is t.v)
class Plain:
    def __init__(self):
        self.items = [1, 2]
p = Plain()
q = copy.deepcopy(p)
print(type(q).__name__, q.items, q.items is p.items)
class Slots:
    __slots__ = ('a',)
s = Slots(); s.a = [1]
print(copy.copy(s).a is s.a, copy.deepcopy(s).a is s.a)
