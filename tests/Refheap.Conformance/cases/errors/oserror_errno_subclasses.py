# OSError(errno, strerror) picks its subclass from the errno (Linux values), including the
# ConnectionError family; the subclasses' MROs.
for errno in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 108, 110, 111, 114, 115, 5, 28]:
    e = OSError(errno, 'message')
    print(errno, type(e).__name__, e.errno, e.strerror, str(e))
for cls in [BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
try:
    raise BrokenPipeError(32, 'Broken pipe')
except ConnectionError as e:
    print('caught', repr(e), isinstance(e, OSError))
