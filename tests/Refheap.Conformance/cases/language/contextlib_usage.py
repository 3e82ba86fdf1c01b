import contextlib
@contextlib.contextmanager
def tag(name):
    print('<%s>' % name)
    try:
        yield name
    finally:
        print('</%s>' % name)
with tag('p') as n:
    print('inside', n)
with contextlib.suppress(ZeroDivisionError):
    1 / 0
    print('not printed')
print('after suppress')
with contextlib.ExitStack() as stack:
    for i in range(3):
        stack.enter_context(tag('t%d' % i))
    stack.callback(print, 'callback')
    print('body')
