funcs = [lambda x: x + 1, lambda x: x / 0]
print([f(1) for f in funcs])
