def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = counter()
print(c(), c(), c(10))
print(c.__closure__[0].cell_contents)
print(c.__code__.co_freevars)
def late_binding():
    return [lambda: i for i in range(3)]
print([f() for f in late_binding()])
def early_binding():
    return [lambda i=i: i for i in range(3)]
print([f() for f in early_binding()])
