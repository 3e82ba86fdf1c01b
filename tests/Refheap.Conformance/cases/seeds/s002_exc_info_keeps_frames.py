# Seed 002: a saved traceback keeps the frames, and their locals, alive.
import sys
class Big:
    def __del__(self):
        print('Big freed')
def handler():
    big = Big()
    raise ValueError('failed')
saved = None
try:
    handler()
except ValueError:
    saved = sys.exc_info()
print('exception handled, Big still alive')
print(saved[0].__name__, saved[1])
saved = None
print('end')
