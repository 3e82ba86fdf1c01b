# An instance's __dict__ lists its attributes in the order that instance set them, even when
# another instance of the class set the same names in another order first.
class C:
    pass
a = C(); b = C()
b.y = 1; b.x = 2; b.z = 3
a.x = 1; a.z = 2; a.y = 3
print(list(a.__dict__), list(b.__dict__), vars(a))
c = C(); c.x = 1; c.y = 2; del c.x; c.x = 3
print(list(c.__dict__), c.__dict__)
d = C(); d.z = 0; d.y = 1; del d.y; d.w = 2; d.y = 5
print(list(d.__dict__))
class P:
    def __init__(self, first):
        if first:
            self.a = 1; self.b = 2
        else:
            self.b = 2; self.a = 1
print([list(vars(P(f))) for f in (True, False, True)])
