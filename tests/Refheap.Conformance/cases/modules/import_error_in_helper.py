try:
    import _helper_raises
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
import sys
print('_helper_raises' in sys.modules)
