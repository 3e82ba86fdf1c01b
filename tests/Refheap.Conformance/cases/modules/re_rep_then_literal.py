# Repetitions of one character class followed by a literal: the literal inside the class
# (backtracking finds the last one), outside it (only where the run stops), bounds, groups.
import re

text = 'foo boo x@y.com aab aaab ab b xxxx 12d3d a.b.c@d'
for p in [r'\w+o', r'\w+@', r'[\w.]+@[\w.]+', r'a{2,3}b', r'a{2}b', r'x*x', r'x+x', r'(\w+)o(\w*)',
          r'\d+d', r'[^ ]*\.', r'.*@', r'(?s).+m', r'a*?b', r'a++b', r'\w{1,2}o', r'[ab]+b', r'b*b']:
    print(p, re.findall(p, text), [m.span() for m in re.finditer(p, text)][:5])
print(re.match(r'\w+o', 'foo').group(), re.match(r'\w+@', 'foo'), re.fullmatch(r'a+b', 'aaab'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'me@home you@work'), re.split(r'\s*,\s*', 'a , b,c ,d'))
