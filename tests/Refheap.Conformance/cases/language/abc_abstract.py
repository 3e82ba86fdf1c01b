import abc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        pass
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Sq(3).area(), isinstance(Sq(1), Shape))
try:
    Shape()
except TypeError as e:
    print('TypeError', e)
