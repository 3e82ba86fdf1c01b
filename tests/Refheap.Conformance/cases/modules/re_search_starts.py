# re searches that may start only at some places: literal prefixes, first-character sets,
# alternations, zero-width starts, pos/endpos, empty matches, IGNORECASE and bytes.
import re

text = 'word12 foo@example.com 2024-01-05 Word7 xword3 \nword9 end'
patterns = [r'word(\d+)', r'\bword\d', r'(?<=x)word', r'[\w.]+@[\w.]+', r'(\d{4})-(\d{2})-(\d{2})',
            r'(?:foo|end|2024)', r'\d+|@', r'(wo)rd', r'a*', r'x?word', r'(?i)WORD\d', r'^word\d',
            r'(?m)^word\d', r'd$', r'(?m)\d$', r'o+', r'(?=w)wor', r'[^ ]+', r'\s+', r'(a|b)?c|word']
for p in patterns:
    rx = re.compile(p)
    print(p, rx.findall(text), [m.span() for m in rx.finditer(text)][:6])
    print('  search', (rx.search(text) or None) and rx.search(text).span(), rx.search(text, 10, 40) and rx.search(text, 10, 40).span(),
          rx.search(text, 50) and rx.search(text, 50).span())
print(re.sub(r'word(\d+)', r'W\1', text))
print(re.split(r'o', 'foo boo'), re.split(r'x*', 'axbc'), re.sub('', '-', 'abc'), re.subn(r'\d', '#', text, 3))
print(re.findall(rb'word(\d)', text.encode()), re.search(rb'@ex', text.encode()).span())
print(re.findall(r'(?i)Ä', 'äÄa'), re.findall('ab', 'ababab', 1, 5), re.compile('b').search('abc', 2))
print([m.group() for m in re.finditer(r'(?<=\s)\w', ' a b  c')])
