import sys
class Plain:
    pass
class Three:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
p = Plain()
t = Three()
print(sys.getsizeof(p), sys.getsizeof(t))
print(sys.getsizeof(t.__dict__))
print(sys.getsizeof(p.__dict__))
p.x = 1
print(sys.getsizeof(p.__dict__))
