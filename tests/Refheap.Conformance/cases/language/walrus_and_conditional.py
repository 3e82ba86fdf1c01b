data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print('long list', n)
print([y for x in data if (y := x * 2) > 10])
print(y)
values = iter([3, 2, 0, 4])
while (v := next(values)) != 0:
    print('value', v)
print('big' if n > 3 else 'small', 'a' if 0 else 'b')
