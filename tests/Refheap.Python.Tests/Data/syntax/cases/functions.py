def f(a, b, c): pass
def f(a, b=1, *args, c, d=2, **kwargs): pass
def f(a, /, b, *, c): pass
def f(a, b=2, /, c=3): pass
def f(*, a, b=1): pass
def f(*args): pass
def f(**kwargs): pass
def f(a: int, b: str = "x") -> bool: pass
def f(*args: int, **kwargs: str) -> None: pass
def f(a, b, /): pass
def f(a=1, /, *, b): pass
def f(self, *a, k=None): pass
def f(x,): pass
def f(*args,): pass
def f(**kw,): pass
lambda: 0
lambda x: x
lambda x, y=1: x + y
lambda *a, **k: (a, k)
lambda a, /, b, *, c: 0
lambda *, k=1: k
f = lambda x=lambda: 1: x
f()
f(1)
f(1, 2)
f(a=1)
f(1, b=2)
f(*args)
f(**kwargs)
f(1, *a, b=2, **k)
f(*a, *b, **c, **d)
f(a, *b, c=1, *d)
f(x for x in y)
f((x for x in y), 1)
f(a)(b)(c)
f(x := 1)
obj.method(1).attr[0](2)
print("hello", end="")
