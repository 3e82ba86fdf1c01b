# str.split/rsplit/splitlines: the list sizes stringlib gives (12 preallocated, a list of one when the str is shorter than the separator, splitlines grown by appends) and when the only item is the str itself.
import sys
cases = [('a,b', ','), ('', ','), ('a', ',,'), ('abc', 'abcd'), ('a b c', None), ('', None), ('   ', None), ('a,b,c,d,e,f,g,h,i,j,k,l,m,n', ','),
         ('x', 'x'), ('ab', 'ab'), ('a,b', ',', 0), ('a,b', ',', 1), ('a b', None, 0), ('aXXbXXc', 'XX'), ('é,è', ','), ('a' * 20, 'a')]
for c in cases:
    s, sep = c[0], c[1]
    args = (sep,) if len(c) == 2 else (sep, c[2])
    r = s.split(*args); rr = s.rsplit(*args)
    print(repr(c), len(r), sys.getsizeof(r), sys.getsizeof(rr), r[0] is s if r else None)
    b = s.encode(); bs = sep.encode() if sep else None
    br = b.split(bs) if len(c) == 2 else b.split(bs, c[2])
    print('  bytes', sys.getsizeof(br), sys.getsizeof(s.splitlines()), sys.getsizeof(s.partition(',')))
for s in ['abc', 'a\nb', 'abc\n', '', 'a\r\nb\rc', 'x' * 30 + '\n' + 'y']:
    r = s.splitlines(); k = s.splitlines(True)
    print(repr(s), r, sys.getsizeof(r), sys.getsizeof(k), (r[0] is s) if r else None, (k[0] is s) if k else None)
class S(str): pass
t = S('abc')
print(type(t.split(',')[0]).__name__, t.split(',')[0] is t, type(t.split('abcd')[0]).__name__, t.split('abcd')[0] is t, type(t.splitlines()[0]).__name__)
abc = 'abc'; print(abc.split('\u20ac')[0] is abc, 'ab c'.split(), abc.split()[0] is abc, ' abc'.split()[0] == abc)
s = 'hello world'
print(s.split()[0] is s, 'helloworld'.split()[0] == 'helloworld', s.rsplit(None, 0)[0] is s)
