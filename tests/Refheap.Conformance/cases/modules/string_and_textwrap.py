import string
import textwrap
print(string.ascii_lowercase, string.digits, string.punctuation)
print(string.Template('$who likes $what').substitute(who='tim', what='kung pao'))
print(string.capwords('hello big world'))
text = 'The quick brown fox jumps over the lazy dog, twice over and again.'
print(textwrap.wrap(text, 20))
print(textwrap.fill(text, 30))
print(textwrap.dedent('    a\n      b\n'), end='')
print(textwrap.shorten(text, 25))
