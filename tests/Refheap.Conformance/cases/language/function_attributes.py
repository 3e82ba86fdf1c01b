def f(a: int, b: str = 'x') -> bool:
    "Docstring."
    return True
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__)
print(f.__annotations__)
print(f.__code__.co_argcount, f.__code__.co_varnames, f.__code__.co_name)
f.custom = 42
print(f.custom, sorted(f.__dict__))
class K:
    def m(self):
        pass
print(K.m.__qualname__, K().m.__func__ is K.m, K().m.__self__.__class__.__name__)
