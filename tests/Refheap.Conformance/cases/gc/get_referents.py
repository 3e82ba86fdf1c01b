import gc
class C:
    pass
print(sorted(map(repr, gc.get_referents([1, 'two', 3.0]))))
print(sorted(map(repr, gc.get_referents({'a': 1, 'b': [2]}))))
print(gc.get_referents(1, 'x'))
c = C()
c.x = 'val'
print([type(r).__name__ for r in gc.get_referents(c)])
print(sorted(type(r).__name__ for r in gc.get_referents(c.__dict__)))
print(sorted(map(repr, gc.get_referents((1, 2), ['a']))))
