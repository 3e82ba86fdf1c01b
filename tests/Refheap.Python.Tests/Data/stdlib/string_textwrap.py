import string, textwrap

def attempt(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!>', type(e).__name__, e)

print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), repr(string.printable))
print(string.capwords('hello big   world'), string.capwords('a-b c-d', '-'), repr(string.capwords('')))
T = string.Template
print(T('$who likes $what').substitute(who='tim', what='kung pao'), T('${x}y $$ $x').substitute({'x': 1}), T('$a $b').substitute({'a': 1}, b=2))
print(T('$who $missing ${gone} $ $1').safe_substitute(who='me'), T('x').template)
attempt('missing', lambda: T('$a $b').substitute(a=1))
attempt('invalid', lambda: T('ok\nbad $ here').substitute())
attempt('invalid2', lambda: T('${bad').substitute())
print(T('$a ${b} $a').get_identifiers(), T('$a $').is_valid(), T('$a').is_valid())
class PctTemplate(T):
    delimiter = '%'
print(PctTemplate('%x and %%').substitute(x=5))

text = ('The quick brown fox jumps over the lazy dog. A well-known phrase, used to test '
        'typewriters and computer keyboards; supercalifragilisticexpialidocious words too.')
for w in (10, 20, 30, 45, 70):
    print(w, textwrap.wrap(text, w))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap('short'), textwrap.wrap(''), textwrap.wrap('   '), textwrap.wrap('a  b\tc\nd', 3))
print(textwrap.wrap('abcdefghijklmnop', 5), textwrap.wrap('abcdefghij', 4, break_long_words=False))
print(textwrap.wrap('one-two-three-four five', 8), textwrap.wrap('one-two-three', 8, break_on_hyphens=False))
print(textwrap.shorten(text, 25), textwrap.shorten('Hello  world!', width=12), textwrap.shorten('Hello world', 11), textwrap.shorten(text, 40, placeholder='...'))
print(textwrap.wrap(text, 30, max_lines=2), textwrap.wrap(text, 30, max_lines=3, placeholder=' ~'))
attempt('width0', lambda: textwrap.wrap('x', 0))
attempt('placeholder', lambda: textwrap.shorten('hello world', 3))
print(repr(textwrap.dedent('    a\n      b\n    c\n')), repr(textwrap.dedent('  x\n\n    y\n   \n')), repr(textwrap.dedent('\ta\n\t\tb')), repr(textwrap.dedent('  a\n\tb')), repr(textwrap.dedent('no indent\n  x')))
print(repr(textwrap.indent('a\nb\n\nc', '> ')), repr(textwrap.indent('a\n  \nb', '+', lambda line: True)))
print(textwrap.TextWrapper(width=12, drop_whitespace=False).wrap('aa bb  cc dd'), textwrap.TextWrapper(width=8, expand_tabs=True, tabsize=4).wrap('a\tb\tc\td'))
