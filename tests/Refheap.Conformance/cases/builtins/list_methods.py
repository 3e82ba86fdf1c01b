a = [3, 1, 2]
a.append(4); a.extend([5, 6]); a.insert(1, 9); a.insert(-1, 8); a.insert(100, 7)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(9)
print(a, a.index(2), a.count(1), 5 in a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a, b)
print([1, 2] + [3], [0] * 3, [[]] * 2, [1, 2] < [1, 3], [1, 2] == [1, 2])
try:
    a.remove(100)
except ValueError as e:
    print('ValueError', e)
try:
    [].pop()
except IndexError as e:
    print('IndexError', e)
try:
    a[10]
except IndexError as e:
    print('IndexError', e)
