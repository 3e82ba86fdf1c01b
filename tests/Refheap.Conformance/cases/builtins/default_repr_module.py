# object's repr for classes without __repr__ names the module: <__main__.D object at ...>,
# through repr(), str(), print, %s, f-strings and containers; nested classes use the qualname.
import re
class D:
    pass
class Outer:
    class Inner:
        pass
class WithStr:
    def __str__(self):
        return 'str!'
def norm(s):
    return re.sub(r'0x[0-9a-f]+', '0xADDR', s)
d = D()
for text in (repr(d), str(d), '%s' % d, '%r' % d, f'{d}', f'{d!r}', repr([d]), repr({1: d}), str((d,)),
             repr(Outer.Inner()), repr(WithStr()), str(WithStr()), object.__repr__(d), repr(object())):
    print(norm(text))
print(norm(repr(type('Dyn', (), {'__module__': 'somewhere'})())))
