# collections.defaultdict's layout: a dict plus the default_factory field; no __dict__ and no
# weak references (exception messages name the C type in CPython, so only their types show).
import sys
import weakref
from collections import defaultdict

for n in (0, 1, 5, 6, 11, 100):
    d = defaultdict(list)
    for i in range(n):
        d[i].append(i)
    print(n, sys.getsizeof(d), sys.getsizeof(dict(d)), len(d))
d = defaultdict(int)
print(defaultdict.__basicsize__, defaultdict.__dictoffset__, defaultdict.__weakrefoffset__, hasattr(d, '__dict__'))
for attempt in (lambda: setattr(d, 'x', 1), lambda: weakref.ref(d)):
    try:
        attempt()
        print('allowed')
    except (AttributeError, TypeError) as exc:
        print(type(exc).__name__)
d.default_factory = str
print(d['k'] == '', d.default_factory is str, sys.getrefcount(str) > 2)
