import warnings
def old():
    warnings.warn('old() is deprecated', DeprecationWarning, stacklevel=2)
    return 1
print(old())
warnings.warn('a user warning')
warnings.warn('a user warning')
for i in range(2):
    warnings.warn('in loop')
print('end')
