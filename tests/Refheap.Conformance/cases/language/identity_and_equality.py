a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None)() is None)
print(1 == 1.0, {1: 'a'}[1.0], hash(1) == hash(1.0) == hash(True))
print(float('nan') in [float('nan')])
nan = float('nan')
print(nan in [nan], [nan] == [nan])
