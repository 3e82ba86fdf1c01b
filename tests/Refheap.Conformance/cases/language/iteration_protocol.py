class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, 'done'))
for i, v in enumerate(Countdown(3), start=10):
    print(i, v)
class Reversible:
    def __reversed__(self):
        return iter('cba')
print(list(reversed(Reversible())))
