import atexit
def f():
    pass
print(atexit.register(f) is f)
atexit.unregister(f)
atexit.unregister(f)
print(atexit._ncallbacks())
atexit._clear()
print(atexit._ncallbacks())
