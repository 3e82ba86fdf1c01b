count = 0
class Link:
    def __init__(self, nxt):
        self.nxt = nxt
    def __del__(self):
        global count
        count += 1
head = None
for _ in range(100000):
    head = Link(head)
head = None
print(count)
