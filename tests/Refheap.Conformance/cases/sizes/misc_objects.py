import sys
print(sys.getsizeof(range(10)), sys.getsizeof(range(10**20)))
print(sys.getsizeof(slice(1, 2, 3)))
print(sys.getsizeof(None), sys.getsizeof(Ellipsis), sys.getsizeof(NotImplemented))
print(sys.getsizeof(object()))
print(sys.getsizeof(property()))
print(sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter({})))
print(sys.getsizeof(enumerate([])), sys.getsizeof(zip()), sys.getsizeof(map(str, [])))
