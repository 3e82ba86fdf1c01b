import weakref
class R:
    pass
keep = R()
f = weakref.finalize(keep, print, 'finalize at exit')
g = weakref.finalize(R(), print, 'finalize immediately')
h = weakref.finalize(keep, print, 'not at exit')
h.atexit = False
print(f.atexit, h.atexit)
print('end of script')
