import re
print(repr(re.I), str(re.I), repr(re.I | re.M), re.compile('a', re.I | re.M), re.compile('a').flags, re.compile(b'a'), re.compile('a\nb'))
print(re.match('a', 'a'), repr(re.search('(a)(b)?', 'xa')), re.search('(a)(b)?', 'xa').lastindex)
for bad in ['a(b', '\\q', '*a', 'a**', '[a', 'a)', '(?P<1>a)', '(?P=x)', 'a{3,1}', '[z-a]', '(?<=a+)b']:
    try:
        re.compile(bad)
        print('ok?', bad)
    except re.error as e:
        print(bad, '->', e, e.pos)
try: re.sub('a', r'\2', 'a')
except re.error as e: print(e)
print(re.sub('x*', '-', 'abxd'), re.split('x*', 'axbc'), re.findall('(a)(b)?', 'ab a'), re.split(r'(,)', 'a,b', maxsplit=1))
print(re.findall(r'\b\w+\b', 'Hello, world! foo_bar 42'), re.findall(r'\d+|[a-z]+', 'ab12cd3'))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good day'), re.sub(r'(?P<a>\d)', r'<\g<a>>', 'a1b2'), re.subn('o', '0', 'foo boo', count=3))
print(re.match(r'(a|ab)(c|bcd)(d*)', 'abcd').groups(), re.match(r'(a+?)(a*)', 'aaa').groups(), re.match(r'a{2,3}', 'aaaa').group(), re.match(r'a{2,3}?', 'aaaa').group())
print(re.match(r'^(\w+)\s*=\s*(.*)$', 'key = value here').groups(), re.search(r'^b', 'a\nb', re.M).span(), re.search(r'a.b', 'a\nb', re.S).group())
print(re.search(r'a$', 'a\n'), re.search(r'a\Z', 'a\n'), re.findall(r'^\w', 'ab\ncd\nef', re.M), re.findall(r'\w$', 'ab\ncd\nef', re.M))
print(re.match(r'(?i)hello', 'HeLLo'), re.match(r'(?i:a)b', 'Ab'), re.match(r'(?i:a)b', 'AB'), re.findall('[^aeiou\\s]+', 'hello world'))
print(re.match(r'(\w)\1', 'aa'), re.match(r'(?P<x>\w)(?P=x)', 'bb').groupdict(), re.search(r'(?<=\$)\d+', 'cost $45').group(), re.search(r'(?<!\$)\b\d+', '$45 67').group())
print(re.search(r'foo(?=bar)', 'foobaz foobar').span(), re.search(r'foo(?!bar)', 'foobar foobaz').span(), re.match(r'(?>a+)b', 'aaab'), re.match(r'a++a', 'aaa'))
m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?P<x>!)?', 'Jane Doe')
print(m.group('first'), m['last'], m.group(1, 2), m.groups('-'), m.groupdict(), m.start(2), m.end(2), m.span('first'), m.lastindex, m.lastgroup, m.re.pattern, m.string, m.pos, m.endpos)
print(m.expand(r'\2, \1'), m.regs, re.compile(r'(?P<a>x)(y)').groupindex, re.compile(r'(a)(b)').groups)
try: m.group(5)
except IndexError as e: print(e)
p = re.compile(r'\d+')
print(p.match('abc123', 3), p.search('abc123def456', 7), p.findall('1 22 333', 2), list(p.finditer('a1b2')), p.split('a1b22c'), p.fullmatch('123'), p.fullmatch('123a'))
print(re.escape('a.b*c'), re.escape('hello world!'), re.escape(b'a.b'), bool(re.match('abc', 'ABC', re.I)))
print(re.findall(rb'\d+', b'a1b22'), re.sub(rb'a', b'b', b'aaa'), re.match(rb'(\w+)', b'hi there').group(1))
print(re.split(r'\s+', ' a b  c '), re.split(r'(\s)+', 'a  b'), re.split(r'\b', 'a b'), re.split('', 'abc'))
print(re.sub('', '-', 'abc'), re.findall('', 'ab'), re.sub(r'a|(b)', r'[\1]', 'abc'))
print(re.compile(r'''
    (\d+)   # number
    \s*     # space
    ([a-z]+) # word
''', re.X).findall('12 ab 3cd'))
print(re.match(r'[\w.-]+@[\w-]+\.\w+', 'john.doe@mail-x.com').group(), re.findall(r'[A-Z][a-z]*', 'HelloWorldFoo'), re.match(r'\x41\u0042\101', 'ABA'))
print(re.sub(r'\s+', ' ', 'a   b \t c'), re.split(r'[,;]', 'a,b;c'), re.fullmatch(r'\d{3}', '123') is not None, re.match('x', 'ax'))
print(re.match(r'(a)|b', 'b').groups(), re.match(r'(a)|b', 'b').group(1), re.findall(r'(\w)(\d)?', 'a1b'), re.match(r'(?:ab)+', 'ababx').group())
print(re.match(r'(a*)*b', 'aab').groups(), re.match(r'(a|b)*c', 'abac').groups(), re.match(r'(a*)+$', 'aa').groups(), re.match('(?:a|)*b', 'ab'))
print(re.sub(r'(\d+)', lambda m: str(int(m.group()) * 2), 'a1b22'), re.match(r'[]a]+', 'a]]'), re.match(r'[a-]+', 'a--'), re.match(r'[\]]', ']'))
print(re.search('(?m)^$', 'a\n\nb').span(), re.findall(r'.', 'a\nb'), re.match(r'\s\S\d\D\w\W', ' x1a_!'), re.match('a{,2}', 'aaa'), re.match('a{', 'a{'))
print(re.I | 0, type(re.I | re.M), re.compile('a', re.I).flags, int(re.S), re.compile('(?i)a').flags, re.compile('(?s)a').flags)
print(re.compile('(a)(?(1)b|c)').match('ab'), re.compile('(a)?(?(1)b|c)').match('c'))
