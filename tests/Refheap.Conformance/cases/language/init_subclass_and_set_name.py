class Field:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 'unset ' + self.name)
class Plugin:
    registry = []
    def __init_subclass__(cls, tag='none', **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append((cls.__name__, tag))
class A(Plugin, tag='a'):
    f = Field()
class B(Plugin):
    pass
print(Plugin.registry)
print(A().f, A.f.name)
