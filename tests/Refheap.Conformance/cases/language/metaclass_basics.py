class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls
    def __call__(cls, *args):
        print('making', cls.__name__, args)
        return super().__call__(*args)
class Base(metaclass=Registry):
    def __init__(self, v=0):
        self.v = v
class Child(Base):
    pass
print(Registry.classes)
c = Child(5)
print(c.v, type(Child).__name__, type(type).__name__)
Dyn = type('Dyn', (Base,), {'extra': 1})
print(Dyn.extra, Registry.classes)
