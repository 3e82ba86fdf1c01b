import atexit
import sys
atexit.register(print, 'atexit still runs')
print('exiting with 4')
sys.exit(4)
