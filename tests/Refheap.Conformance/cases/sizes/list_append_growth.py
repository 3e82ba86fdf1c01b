import sys
lst = []
last = sys.getsizeof(lst)
print(0, last)
for i in range(1, 130):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size != last:
        print(i, size)
        last = size
