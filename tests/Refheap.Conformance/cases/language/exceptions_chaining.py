def low():
    raise KeyError('low')
def mid():
    try:
        low()
    except KeyError as e:
        raise ValueError('mid') from e
try:
    mid()
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('during handling')
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__)
try:
    raise TypeError('no context') from None
except TypeError as e:
    print(e.__suppress_context__, e.__cause__)
