LOADS = globals().get('LOADS', 0) + 1
print('helper module body runs, load', LOADS)
VALUE = 42
def greet(name):
    return 'hello ' + name
class Counter:
    n = 0
    def inc(self):
        Counter.n += 1
        return Counter.n
