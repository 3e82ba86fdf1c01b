# An uncaught group with a nested group, notes (one with several lines), a chained cause
# inside a member, and a group raised from another exception.
def fail(kind, n):
    raise kind('failure %d' % n)


def collect(kinds):
    errors = []
    for i, kind in enumerate(kinds):
        try:
            fail(kind, i)
        except Exception as e:
            errors.append(e)
    return errors


inner = ExceptionGroup('inner', collect([TypeError, KeyError]))
inner.add_note('inner note')
try:
    try:
        {}['missing']
    except KeyError as k:
        raise ValueError('chained') from k
except ValueError as v:
    chained = v
chained.add_note('first line\nsecond line')
outer = ExceptionGroup('outer', [inner, chained, OSError(2, 'plain')])
outer.add_note('outer note')
try:
    raise RuntimeError('before')
except RuntimeError:
    raise outer
