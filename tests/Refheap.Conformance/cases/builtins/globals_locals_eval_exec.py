x = 10
def f(a):
    b = 2
    return sorted(locals().items())
print(f(1))
print('x' in globals(), globals()['x'], __name__)
print(eval('x * 2'), eval('y + 1', {'y': 5}), eval('a', {}, {'a': 'local'}))
ns = {}
exec('def g():\n    return 42\nz = g()', ns)
print(ns['z'], sorted(k for k in ns if k != '__builtins__'))
code = compile('1 + 2', '<string>', 'eval')
print(eval(code), type(code).__name__)
