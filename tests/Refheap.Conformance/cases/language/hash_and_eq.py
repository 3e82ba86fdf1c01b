class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
d = {Key(1): 'one'}
print(d[Key(1)], Key(1) in {Key(1)}, len({Key(1), Key(1), Key(2)}))
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__)
try:
    {EqOnly()}
except TypeError as e:
    print('TypeError', e)
class Default:
    pass
a = Default()
print(a == a, a == Default(), hash(a) == hash(a))
