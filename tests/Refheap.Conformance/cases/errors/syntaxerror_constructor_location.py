# SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])) sets the
# location attributes; a bad location tuple is a TypeError; the uncaught print shows the location.
e = SyntaxError("m", ("f.py", 1, 4, "a b c\n", 1, 5))
print(e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, e.msg, e.args)
for info in [(1, 2), ('f', 1, 2, 't', 1, 2, 3), 5]:
    try:
        SyntaxError('m', info)
    except TypeError as e:
        print(e)
e = SyntaxError('m', ('f', 1, 2, 't'), 'extra')
print(e.filename, e.msg, e.args)
print(str(SyntaxError("invalid syntax", ("f.py", 1, 4, "a b c\n", 1, 5))))
raise SyntaxError("invalid syntax", ("f.py", 1, 4, "a b c\n", 1, 5))
