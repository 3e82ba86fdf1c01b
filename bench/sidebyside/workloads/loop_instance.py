# create-and-discard: one new instance (with __init__) per iteration (1M)
class Obj:
    def __init__(self, a, b):
        self.a = a
        self.b = b
def main(n):
    o = None
    for i in range(n):
        o = Obj(i, i)
    return o.a + o.b
print(main(1_000_000))
