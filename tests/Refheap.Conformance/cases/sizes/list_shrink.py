import sys
lst = list(range(100))
print(sys.getsizeof(lst))
while lst:
    before = sys.getsizeof(lst)
    lst.pop()
    if sys.getsizeof(lst) != before:
        print(len(lst), sys.getsizeof(lst))
lst.clear()
print(sys.getsizeof(lst))
