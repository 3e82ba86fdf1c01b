from collections import ChainMap
import collections.abc as cabc
defaults = {'color': 'red', 'size': 'M'}
user = {'color': 'blue'}
cm = ChainMap(user, defaults)
print(cm['color'], cm['size'], len(cm), sorted(cm))
cm['new'] = 1
print(user, defaults)
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(set(), cabc.Set), isinstance((x for x in []), cabc.Iterator))
