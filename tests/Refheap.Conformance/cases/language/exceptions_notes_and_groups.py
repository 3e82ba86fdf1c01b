e = ValueError('base')
e.add_note('first note')
e.add_note('second note')
print(e.__notes__)
eg = ExceptionGroup('group', [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(match.exceptions, rest.exceptions)
try:
    raise eg
except* ValueError as g:
    print('caught values', g.exceptions)
except* TypeError as g:
    print('caught types', g.exceptions)
