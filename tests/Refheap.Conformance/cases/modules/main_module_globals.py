# The globals of __main__ as CPython builds them: __annotations__ = {} before __builtins__,
# __file__ and __cached__ (None) after, both deleted once the script is done (atexit sees
# neither), kept when the script leaves by SystemExit.
import atexit, sys
atexit.register(lambda: print(sorted(globals())))
print(list(globals()))
print(__annotations__, __cached__)
if len(sys.argv) > 5: sys.exit(2)
