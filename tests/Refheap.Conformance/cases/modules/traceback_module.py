# traceback: format_exc/print_exc/format_tb/extract_tb/format_exception(_only)/format_stack/
# TracebackException, with 3.11 carets and "[Previous line repeated ...]"; a TracebackException
# keeps text only, so the failing frames (and their locals) can die.
import traceback, sys, io
def f(x):
    return g(x) + 1
def g(x):
    return 10 / x
try:
    f(0)
except ZeroDivisionError:
    s = traceback.format_exc()
    print(s)
    traceback.print_exc(file=sys.stdout)
    et, ev, tb = sys.exc_info()
    print(traceback.format_tb(tb))
    print(traceback.format_tb(tb, limit=1))
    print(traceback.extract_tb(tb))
    print([tuple(fs) for fs in traceback.extract_tb(tb)])
    print(traceback.format_exception_only(et, ev))
    print(traceback.format_exception(ev, limit=2))
    te = traceback.TracebackException.from_exception(ev)
    print(''.join(te.format()))
    print(str(te), te.exc_type.__name__, len(te.stack))
try:
    try:
        {}['k']
    except KeyError as e:
        raise ValueError('bad') from e
except ValueError as e:
    print(''.join(traceback.format_exception(e)))
    print(''.join(traceback.format_exception(e, chain=False)))
    print(''.join(traceback.TracebackException.from_exception(e).format()))
def h():
    return traceback.format_stack()
def k():
    return h()
print(''.join(k()[-2:]))
print(traceback.extract_stack()[-1].name, traceback.extract_stack()[-1].line)
def rec(n):
    if n == 0:
        raise RuntimeError('deep')
    rec(n - 1)
try:
    rec(10)
except RuntimeError:
    print(traceback.format_exc())
    print(''.join(traceback.format_tb(sys.exc_info()[2])))
print(traceback.format_exception_only(SyntaxError("invalid syntax", ("f.py", 1, 4, "a b c\n", 1, 5))))
try:
    undefined_name_x
except NameError as e:
    print(traceback.format_exception_only(e))
buf = io.StringIO()
traceback.print_stack(file=buf)
print(buf.getvalue().count('File'))
print(traceback.format_exception(None))
print(repr(traceback.FrameSummary('a.py', 3, 'fn', line='x = 1')), traceback.FrameSummary('a.py', 3, 'fn', line='x = 1') == ('a.py', 3, 'fn', 'x = 1'))
print(traceback.format_list([('a.py', 3, 'fn', 'x = 1'), ('b.py', 4, 'gn', None)]))
import weakref, gc
class Big:
    pass
def fails():
    big = Big()
    fails.ref = weakref.ref(big)
    raise KeyError('x')
try:
    fails()
except KeyError as e:
    te = traceback.TracebackException.from_exception(e)
print(fails.ref() is None, len(te.stack), te.stack[-1].name, te.stack[-1].line)
try:
    fails()
except KeyError as e:
    kept = e
print(fails.ref() is None)
del kept
print(fails.ref() is None)
