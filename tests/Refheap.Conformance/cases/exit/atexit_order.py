import atexit
def handler(name):
    print('atexit', name)
atexit.register(handler, 'first registered')
atexit.register(handler, 'second registered')
atexit.register(print, 'third, print directly', sep='|')
print('end of script')
