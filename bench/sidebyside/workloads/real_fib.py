# a recursive function: fib(25), twenty times
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(25) for _ in range(20)][-1])
