# create-and-discard: one new 3-element list per iteration (1M)
def main(n):
    l = None
    for i in range(n):
        l = [i, i, i]
    return l
print(main(1_000_000))
