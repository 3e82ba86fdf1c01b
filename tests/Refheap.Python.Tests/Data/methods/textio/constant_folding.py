# Arithmetic on constants is folded at compile time (the constants a function's code holds).
def power(): return 2 ** 64, 2 ** 65, 10 ** 30, 10 ** 40, 3 ** 80, 0 ** 1000, 2 ** 0
def negative(): return -5, -(2 ** 3), ~5, +5, -0.0, -True
def floats(): return 1.5 * 2, 1 + 2.5, 1 / 3, 2 ** 53 / 3
def division(): return 7 // -2, 7 % -2, -7 // 2, -7 % 2
def strings(): return 'ab' + 'cd', 'x' * 3, 3 * 'y', 'z' * 5000, 'a' * -1, '%s' % 'a', b'a' + b'b'
def shifts(): return 1 << 127, 1 << 128, 2 << 127, 0 << 1000, 1 >> 1000, -1 >> 5
def masks(): return 0xFFFFFFFFFFFFFFFF & 12345, 6364136223846793005 * 3, 2 ** 64 * 2 ** 64, 2 ** 64 * 2 ** 65
def nested(): return ((1, -2), (3 * 4, 'a' + 'b')), [-1, -2, -3]
def kept(): return 1 / 0


for f in (power, negative, floats, division, strings, shifts, masks, nested):
    consts = [c if not isinstance(c, str) or len(c) < 20 else len(c) for c in f.__code__.co_consts]
    print(f.__name__, consts)
    print(f.__name__, [c if not isinstance(c, str) or len(c) < 20 else len(c) for c in f()])
try:
    kept()
except ZeroDivisionError as e:
    print('ZeroDivisionError', e, kept.__code__.co_consts)
