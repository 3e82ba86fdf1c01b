import _helper_pkg
from _helper_pkg import sub
print(_helper_pkg.NAME, sub.double(21), _helper_pkg.sub is sub)
from _helper_pkg.sub import double as dbl
print(dbl(2))
