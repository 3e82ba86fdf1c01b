import atexit
def outer():
    print('outer handler')
    atexit.register(print, 'registered during exit')
atexit.register(outer)
print('end of script')
