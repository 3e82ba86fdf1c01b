# Two lone surrogates put side by side stay two code points (they are not a UTF-16 pair in a
# str): concatenation, f-strings (BUILD_STRING), join, case mapping, slicing, repr.
a, b = '\ud83d', '\ude00'
for s in [a + b, f'{a}{b}', f'<{a}{b}>', ''.join([a, b]), (a + b).upper(), (a+b)[::-1][::-1], (a + b).replace('x', 'y'), str([a, b]), repr(a + b)]:
    print(len(s), ascii(s))
x = 'abc'
print(f'{x}' is x, len(f'{x}{x}'))
