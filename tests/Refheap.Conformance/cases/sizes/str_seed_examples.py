import sys
print(sys.getsizeof(""))
print(sys.getsizeof("My hovercraft is full of eels"))
print(sys.getsizeof("toaster"))
print(sys.getsizeof("a"), sys.getsizeof("b" * 2))
