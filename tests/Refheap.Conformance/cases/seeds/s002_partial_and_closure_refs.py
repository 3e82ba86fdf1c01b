# Seed 002: closures and functools.partial keep their arguments alive.
import functools
class Big:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
def use(obj, x):
    return x
b1 = Big('partial arg')
p = functools.partial(use, b1)
del b1
print('partial holds it', p(1))
del p
def make(obj):
    return lambda: obj.name
f = make(Big('closure cell'))
print('closure holds it', f())
del f
print('end')
