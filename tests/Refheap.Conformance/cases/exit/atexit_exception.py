import atexit
def bad():
    raise ValueError('handler failed')
def good():
    print('good handler')
atexit.register(good)
atexit.register(bad)
print('end of script')
