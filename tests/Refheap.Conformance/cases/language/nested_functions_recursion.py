def outer(n):
    def helper(k):
        if k == 0:
            return []
        return [k] + helper(k - 1)
    return helper(n)
print(outer(5))
def make_adders():
    return {n: (lambda x, n=n: x + n) for n in range(3)}
adders = make_adders()
print([adders[k](10) for k in sorted(adders)])
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
print(compose(str, abs, lambda v: v - 10)(3))
