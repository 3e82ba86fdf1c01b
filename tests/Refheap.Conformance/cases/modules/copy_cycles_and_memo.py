import copy
a = [1]
a.append(a)
b = copy.deepcopy(a)
print(b[1] is b, b is not a, b[0])
shared = [0]
pair = [shared, shared]
c = copy.deepcopy(pair)
print(c[0] is c[1], c[0] is not shared)
memo = {}
x = copy.deepcopy(shared, memo)
y = copy.deepcopy(shared, memo)
print(x is y, id(shared) in memo)
