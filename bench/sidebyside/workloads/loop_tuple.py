# create-and-discard: one new 2-tuple per iteration (1M)
def main(n):
    t = None
    for i in range(n):
        t = (i, i)
    return t
print(main(1_000_000))
