import sys
lst = []
base = sys.getallocatedblocks()
for i in range(10):
    lst.append(object())
print(sys.getallocatedblocks() - base)
x = 'abc' * 50
print(sys.getallocatedblocks() - base)
del x
print(sys.getallocatedblocks() - base)
