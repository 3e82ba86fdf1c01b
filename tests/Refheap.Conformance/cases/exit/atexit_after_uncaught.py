import atexit
atexit.register(print, 'atexit after traceback')
print('about to fail')
raise RuntimeError('uncaught')
