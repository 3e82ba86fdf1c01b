# A bare exception caught by except* is wrapped in ExceptionGroup('', ...); re-raising it
# propagates the wrapper.
def handler():
    try:
        raise KeyError('k')
    except* KeyError:
        print('re-raising')
        raise


handler()
