import atexit
import weakref
class N:
    def __del__(self):
        print('__del__ of global')
class R:
    pass
n = N()
r = R()
weakref.finalize(r, print, 'weakref.finalize')
atexit.register(print, 'atexit handler')
print('end of script')
