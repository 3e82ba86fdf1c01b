# create-and-discard: one new float per iteration (1M)
def main(n):
    x = 0.0
    for i in range(n):
        x = i * 1.5
    return x
print(main(1_000_000))
