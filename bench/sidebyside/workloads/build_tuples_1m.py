# build 1M 2-tuples kept alive in a list
def main(n):
    lst = []
    for i in range(n):
        lst.append((i, i))
    return len(lst), lst[-1]
print(main(1_000_000))
