import functools
import operator
def power(base, exp, mod=None):
    return pow(base, exp, mod) if mod else base ** exp
square = functools.partial(power, exp=2)
print(square(7), square.func is power, square.args, square.keywords)
p = functools.partial(power, 2)
print(p(10), p(10, 1000))
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [], 1))
print(functools.reduce(lambda acc, x: acc + [x * 2], [1, 2], []))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print('TypeError', e)
