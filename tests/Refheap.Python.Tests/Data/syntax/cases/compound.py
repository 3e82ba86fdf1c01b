if a:
    pass
elif b:
    x = 1
elif c:
    y = 2
else:
    z = 3

while x:
    x -= 1
    if x == 5:
        break
    else:
        continue
else:
    done()

for i in range(10):
    print(i)
else:
    print("done")

for a, b in pairs:
    pass

for (a, b), c in items:
    pass

for *a, b in x:
    pass

try:
    f()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except:
    pass
else:
    g()
finally:
    h()

try:
    pass
finally:
    pass

try:
    pass
except* ValueError as eg:
    pass
except* (TypeError, OSError):
    pass

with open(f) as fh:
    data = fh.read()

with a, b as c, d as (e, f):
    pass

with (a as b, c as d):
    pass

with (a, b):
    pass

with (yield):
    pass

with (a as b, c as d,):
    pass

class A:
    pass

class B(A, metaclass=M):
    x = 1

    def method(self):
        return self.x

class C(*bases, **kw):
    pass

class D():
    """Doc."""

@decorator
def f():
    pass

@a.b.c
@d(1, 2)
@e[0]
@(lambda f: f)
class E:
    pass

def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner

if x:
    if y:
        pass
    else:
        pass
