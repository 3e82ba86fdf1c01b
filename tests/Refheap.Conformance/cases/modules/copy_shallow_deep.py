import copy
a = [1, [2, 3], {'k': [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d[1] is a[1], d[2]['k'] is a[2]['k'])
a[1].append(99)
print(s[1], d[1])
print(copy.copy(5), copy.copy((1, 2)) == (1, 2))
t = (1, [2])
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy((1, 2)) is not None)
