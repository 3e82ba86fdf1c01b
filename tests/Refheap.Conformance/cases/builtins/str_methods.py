s = '  Hello, World  '
print(s.strip(), s.lstrip(), s.rstrip(), s.strip(' Hd'))
t = 'hello world'
print(t.upper(), t.title(), t.capitalize(), t.swapcase(), 'ABC'.lower(), 'ß'.casefold())
print(t.split(), t.split('o'), t.split('o', 1), t.rsplit('o', 1), 'a,b,,c'.split(','), 'a\nb\r\nc'.splitlines())
print(t.find('o'), t.rfind('o'), t.find('z'), t.index('w'), t.count('o'), t.count(''))
print(t.replace('o', '0'), t.replace('o', '', 1), t.startswith('he'), t.endswith(('x', 'ld')))
print('-'.join(['a', 'b']), t.partition(' '), t.rpartition('o'), 'x'.center(5, '*'), '7'.zfill(3), 'ab'.ljust(4) + '|', 'ab'.rjust(4))
print('abc'.isalpha(), '123'.isdigit(), 'a1'.isalnum(), ' '.isspace(), 'Ab'.istitle(), 'ab'.islower(), 'ID'.isupper(), 'x1'.isidentifier())
print('a\tb'.expandtabs(4), 'abc'.encode(), 'tEsT'.removeprefix('tE'), 'file.py'.removesuffix('.py'))
print('%s' % 'x' * 3, 'ab' * 0, 'a' in 'cat', 'abc' < 'abd', str.maketrans('ab', 'xy') == {97: 120, 98: 121}, 'abc'.translate({97: 'A', 98: None}))
