log = []
class N:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        log.append(self.i)
for i in range(5):
    N(i)
x = [N(i) for i in range(5, 8)]
x.reverse()
del x
print(log)
