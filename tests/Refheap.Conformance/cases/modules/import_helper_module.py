import _helper_mod
from _helper_mod import greet, Counter as C
print(greet('x'), _helper_mod.VALUE, C().inc(), C().inc())
print(_helper_mod.__name__, 'import_helper_module' in __file__)
import sys
print('_helper_mod' in sys.modules, sys.modules['_helper_mod'] is _helper_mod)
import _helper_mod as again
print(again is _helper_mod, _helper_mod.LOADS)
import importlib
importlib.reload(_helper_mod)
print(_helper_mod.LOADS)
