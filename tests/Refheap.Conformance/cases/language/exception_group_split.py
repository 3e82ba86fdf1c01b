# split, subgroup and derive: nesting, matchers, and the metadata copied onto derived groups.


def make():
    try:
        raise ExceptionGroup('outer', [
            ValueError(1),
            ExceptionGroup('inner', [TypeError(2), ValueError(3)]),
            KeyError(4),
        ])
    except ExceptionGroup as e:
        return e


eg = make()
eg.add_note('a note')
eg.__cause__ = RuntimeError('cause')
eg.__context__ = OSError('context')
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
for part in (match, rest):
    print(type(part).__name__, part.__traceback__ is eg.__traceback__, part.__cause__ is eg.__cause__,
          part.__context__ is eg.__context__, part.__notes__, part.__notes__ is eg.__notes__,
          part.__suppress_context__)
print(repr(match.exceptions[1]), match.exceptions[1].__traceback__)
print(match.exceptions[0] is eg.exceptions[0])
print(eg.split(Exception)[0] is eg, eg.split(Exception)[1])
print(eg.split(OSError))
print(eg.subgroup(TypeError))
print(eg.subgroup(OSError))
print(eg.subgroup(BaseException) is eg)
print(eg.split((KeyError, TypeError)))
print(eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1))
print(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == 'inner'))
for bad in (5, (ValueError, 5), ValueError(), 'x'):
    try:
        eg.split(bad)
    except TypeError as e:
        print('TypeError', e)
print(repr(eg.derive([KeyboardInterrupt()])), repr(eg.derive((ValueError(9),))))
d = eg.derive([ValueError()])
print(d.__notes__ if hasattr(d, '__notes__') else 'no notes', d.__cause__, d.__traceback__)


class Tagged(ExceptionGroup):
    def derive(self, excs):
        return Tagged(self.message + '!', excs)


t = Tagged('tag', [ValueError(), TypeError()])
print(repr(t.split(ValueError)))


class Bad(ExceptionGroup):
    def derive(self, excs):
        return 42


try:
    Bad('bad', [ValueError(), TypeError()]).split(ValueError)
except TypeError as e:
    print('TypeError', e)


class Plain(ExceptionGroup):
    pass


print(repr(Plain('p', [ValueError(), TypeError()]).split(ValueError)))
