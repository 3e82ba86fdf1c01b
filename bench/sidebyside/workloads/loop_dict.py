# create-and-discard: one new 2-key dict per iteration (1M)
def main(n):
    d = None
    for i in range(n):
        d = {'a': i, 'b': i}
    return d
print(main(1_000_000))
