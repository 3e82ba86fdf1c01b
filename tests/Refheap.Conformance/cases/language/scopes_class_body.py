x = 'module'
class C:
    x = 'class'
    y = [x for _ in range(1)]
    def method(self):
        return x
print(C.y, C().method())
def outer():
    v = 'enclosing'
    class Inner:
        w = v
    return Inner.w
print(outer())
