import sys
print(sys.exc_info())
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, tb.tb_lineno)
    print(sys.exception() is v if hasattr(sys, 'exception') else 'no sys.exception')
print(sys.exc_info())
def nested():
    try:
        raise ValueError('inner')
    except ValueError:
        return sys.exc_info()[0].__name__
try:
    raise TypeError('outer')
except TypeError:
    print(nested(), sys.exc_info()[0].__name__)
