# sorting 200k records with a key function (and a tuple key), three sorts
class Rec:
    __slots__ = ('name', 'score', 'age')
    def __init__(self, name, score, age):
        self.name = name
        self.score = score
        self.age = age
def main(n):
    x = 987654321
    recs = []
    for i in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        recs.append(Rec('n%06d' % (x % 1000000), (x >> 20) % 10007, (x >> 40) % 90))
    by_score = sorted(recs, key=lambda r: r.score)
    by_name = sorted(recs, key=lambda r: r.name)
    by_both = sorted(recs, key=lambda r: (r.age, -r.score, r.name))
    return by_score[0].score, by_name[-1].name, by_both[0].age, by_both[-1].name
print(main(200_000))
