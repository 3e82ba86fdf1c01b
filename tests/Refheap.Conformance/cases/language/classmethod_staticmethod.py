class Shape:
    count = 0
    def __init__(self):
        Shape.count += 1
    @classmethod
    def create(cls):
        return cls()
    @staticmethod
    def area_of(w, h):
        return w * h
class Square(Shape):
    pass
s = Square.create()
print(type(s).__name__, Shape.count)
print(Shape.area_of(2, 3), s.area_of(4, 5))
print(type(Shape.__dict__['create']).__name__, type(Shape.__dict__['area_of']).__name__)
