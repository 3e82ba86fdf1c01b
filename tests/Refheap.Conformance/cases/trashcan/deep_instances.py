class Node:
    __slots__ = ('next',)
head = None
for _ in range(300000):
    n = Node()
    n.next = head
    head = n
del n, head
print('deep slotted chain freed')
class DNode:
    pass
head = None
for _ in range(300000):
    n = DNode()
    n.next = head
    head = n
del n, head
print('deep dict chain freed')
