# build 1M instances kept alive in a list
class Obj:
    def __init__(self, a, b):
        self.a = a
        self.b = b
def main(n):
    lst = []
    for i in range(n):
        lst.append(Obj(i, i))
    return len(lst), lst[-1].a
print(main(1_000_000))
