its = [iter([1, 2]), iter((1, 2)), iter('ab'), iter({1: 2}), iter({1, 2}), iter(range(2)), reversed([1, 2]),
       enumerate('ab'), zip('ab', 'cd'), map(str, [1, 2]), filter(None, [1, 2]), iter(b'ab'), iter({1: 2}.items())]
for it in its:
    print(type(it).__name__, it.__iter__() is it, it.__next__(), next(it))
    try:
        it.__next__()
    except StopIteration as e:
        print('StopIteration', e.args)
print(type(iter(range(3))).__next__.__name__)
