import sys
class C:
    pass
c = C()
last = None
for i in range(40):
    setattr(c, 'attr%d' % i, i)
    size = sys.getsizeof(c.__dict__)
    if size != last:
        print(i + 1, size)
        last = size
print(sys.getsizeof(c))
