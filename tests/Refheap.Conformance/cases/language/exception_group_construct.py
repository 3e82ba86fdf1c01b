# BaseExceptionGroup / ExceptionGroup construction (PEP 654): argument checks, class selection, str/repr.
import sys


def attempt(f):
    try:
        r = f()
        print('ok', repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: ExceptionGroup('x'))
attempt(lambda: ExceptionGroup(1, [ValueError()]))
attempt(lambda: ExceptionGroup('x', 5))
attempt(lambda: ExceptionGroup('x', {ValueError()}))
attempt(lambda: ExceptionGroup('x', []))
attempt(lambda: ExceptionGroup('x', [ValueError(), 1]))
attempt(lambda: ExceptionGroup('x', 'abc'))
attempt(lambda: ExceptionGroup('x', [KeyboardInterrupt()]))
attempt(lambda: ExceptionGroup('x', [ValueError()], k=1))
attempt(lambda: BaseExceptionGroup('x', [ValueError()], 3))
attempt(lambda: BaseExceptionGroup())
attempt(lambda: BaseExceptionGroup('x', [ValueError()]))
attempt(lambda: BaseExceptionGroup('x', (ValueError(), KeyboardInterrupt())))
attempt(lambda: ExceptionGroup('x', (ValueError(), TypeError())))


class MyEG(ExceptionGroup):
    pass


class MyBEG(BaseExceptionGroup):
    pass


attempt(lambda: MyEG('x', [KeyboardInterrupt()]))
attempt(lambda: MyEG('x', [ValueError()]))
attempt(lambda: MyBEG('x', [ValueError()]))
attempt(lambda: MyBEG('x', [SystemExit()]))

eg = ExceptionGroup('many', [ValueError(1), TypeError(2)])
print(str(eg), '|', str(ExceptionGroup('one', [ValueError()])))
print(eg.args, eg.message, eg.exceptions, type(eg.exceptions).__name__)
print(eg.exceptions is eg.exceptions)
try:
    eg.message = 'other'
except AttributeError as e:
    print('AttributeError', e)
try:
    eg.exceptions = ()
except AttributeError as e:
    print('AttributeError', e)
print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(ExceptionGroup.__module__, BaseExceptionGroup.__module__)
print(ExceptionGroup.__doc__, BaseExceptionGroup.__doc__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
print(ExceptionGroup[int], BaseExceptionGroup[ValueError])
print(isinstance(eg, ExceptionGroup), isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception))
print(eg.__dict__, eg.__suppress_context__, eg.__cause__, eg.__context__, eg.__traceback__)
print(sys.getsizeof(eg), sys.getsizeof(BaseExceptionGroup('b', [KeyboardInterrupt()])))
print(ExceptionGroup.__basicsize__, BaseExceptionGroup.__basicsize__)
print(sys.getsizeof(ExceptionGroup('x', [ValueError()])))
excs = [ValueError(7)]
g = ExceptionGroup('from list', excs)
excs.append(TypeError())
print(g.exceptions, g.args)
g.__init__('changed', [KeyError()])
print(g.args, g.message, g.exceptions)
