# Seed 001: ints, floats and lists allocated in bulk and freed again, repeatedly
# (the "private pools for ints and floats, 80 free lists" discussion).
def main(rounds, n):
    total = 0.0
    for r in range(rounds):
        ints = list(range(r, r + n))
        floats = [i * 0.5 for i in ints]
        pairs = [[a, b] for a, b in zip(ints, floats)]
        total += pairs[-1][1] + len(pairs)
        del ints, floats, pairs
    return total
print(main(10, 200_000))
