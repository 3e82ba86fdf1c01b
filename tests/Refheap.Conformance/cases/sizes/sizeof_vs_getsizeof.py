import sys
for obj in ([], [1, 2], {}, (1,), 'abc', 5, 1.0, set(), object()):
    print(type(obj).__name__, obj.__sizeof__(), sys.getsizeof(obj), sys.getsizeof(obj) - obj.__sizeof__())
