# try/except*: matching by split, the unhandled rest re-raised, bare exceptions wrapped,
# raising inside a clause, sys.exc_info() inside a clause, else/finally.
import sys


def run(body, label):
    try:
        body()
        print(label, 'completed')
    except BaseException as e:
        print(label, 'raised', type(e).__name__, repr(e))
        return e


def all_handled():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as g:
        print('values', repr(g), sys.exc_info()[1] is g)
    except* TypeError as g:
        print('types', repr(g))
    print('after', 'g' in locals())


def partly_handled():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        print('values handled')
    except* OSError:
        print('never')


def naked():
    try:
        raise ValueError('bare')
    except* ValueError as g:
        print('wrapped', repr(g), g.message == '', type(g).__name__, repr(g.exceptions[0]))
        print('tb', g.__traceback__ is not None, g.exceptions[0].__traceback__ is not None)


def naked_unmatched():
    try:
        raise KeyError('k')
    except* ValueError:
        print('never')


def naked_reraise():
    try:
        raise ValueError('bare')
    except* ValueError:
        raise


def reraise_part():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise


def raise_new():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError as g:
        raise RuntimeError('from handler') from g
    except* TypeError:
        print('types handled')


def raise_new_and_rest():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise RuntimeError('new')
    except* TypeError:
        raise


def tuple_types():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2), KeyError(3)])
    except* (ValueError, TypeError) as g:
        print('tuple', repr(g))
    except* LookupError as g:
        print('lookup', repr(g))


def nested_groups():
    try:
        raise ExceptionGroup('outer', [ExceptionGroup('inner', [ValueError(1)]), TypeError(2)])
    except* ValueError as g:
        print('nested', repr(g))
    except* TypeError as g:
        print('top', repr(g))


def else_finally():
    try:
        print('body')
    except* ValueError:
        print('never')
    else:
        print('else')
    finally:
        print('finally')
    try:
        raise ExceptionGroup('eg', [ValueError()])
    except* ValueError:
        print('handled')
    else:
        print('never')
    finally:
        print('finally 2')


def ident():
    eg = ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    try:
        try:
            raise eg
        except* OSError:
            print('never')
    except ExceptionGroup as e:
        print('same object', e is eg)
    try:
        try:
            raise eg
        except* ValueError:
            raise
    except ExceptionGroup as e:
        print('after bare raise', e is eg, repr(e))


def base_exceptions():
    try:
        raise BaseExceptionGroup('beg', [KeyboardInterrupt(), ValueError()])
    except* KeyboardInterrupt as g:
        print('kbd', repr(g))
    except* ValueError as g:
        print('val', repr(g))
    try:
        raise KeyboardInterrupt()
    except* KeyboardInterrupt as g:
        print('naked base', repr(g))


def bad_types():
    for t in (ExceptionGroup, BaseExceptionGroup, (ValueError, ExceptionGroup), int, (ValueError, 3)):
        try:
            try:
                raise ValueError()
            except* t:
                pass
        except TypeError as e:
            print('TypeError', e)


def loop_inside():
    try:
        raise ExceptionGroup('eg', [ValueError(1)])
    except* ValueError:
        for i in range(3):
            if i == 1:
                continue
            if i == 2:
                break
            print('loop', i)

        def inner():
            return 'inner return'
        print(inner())


def context_chain():
    try:
        raise ExceptionGroup('eg', [ValueError(1)])
    except* ValueError as g:
        try:
            raise KeyError('inside')
        except KeyError as k:
            print('context is match', k.__context__ is g)


for f in (all_handled, partly_handled, naked, naked_unmatched, naked_reraise, reraise_part, raise_new,
          raise_new_and_rest, tuple_types, nested_groups, else_finally, ident, base_exceptions, bad_types,
          loop_inside, context_chain):
    e = run(f, f.__name__)
    if isinstance(e, BaseExceptionGroup):
        print('  parts', [repr(x) for x in e.exceptions], e.__cause__ is not None, e.__context__ is not None)
print(sys.exc_info())
