# SystemExit leaves through Py_Exit before __main__ loses __file__ and __cached__.
import atexit, sys
atexit.register(lambda: print(sorted(globals())))
sys.exit(3)
