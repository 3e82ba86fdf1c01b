# str % mapping and bytes % mapping with a __getitem__ that returns new objects: each value stays alive until the formatting is done.
class M:
    def __getitem__(self, k):
        return [k * 3, 12345678901234567890]
    def keys(self): return []
print("%(ab)s %(cd)r" % M())
print(b"%(x)s" % {b"x": b"y"})
