import re
m = re.match(r'(\w+)@(\w+)\.com', 'alice@example.com')
print(m.group(0), m.group(1), m.groups(), m.span(2))
print(re.findall(r'\d+', 'a1b22c333'), re.sub(r'\s+', ' ', 'a   b \t c'), re.split(r'[,;]', 'a,b;c'))
print(re.search(r'b+', 'aabbbcc').group(), re.fullmatch(r'\d{3}', '123') is not None, re.match('x', 'ax'))
p = re.compile(r'(?P<key>\w+)=(?P<val>\d+)')
print([m.groupdict() for m in p.finditer('a=1 b=22')])
print(re.sub(r'(\w)(\w*)', lambda m: m.group(1).upper() + m.group(2), 'hello world'))
print(re.escape('a.b*c'), bool(re.match('abc', 'ABC', re.I)))
