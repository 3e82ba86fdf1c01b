# bytes % args and bytearray % args (PEP 461): %s/%b of bytes-like objects and __bytes__, %a/%r as ascii(), %c of an int or one byte, numbers, mappings with bytes keys, and CPython's errors.
tests = ["b'%s' % 'x'", "b'%b' % 5", "b'%c' % 300", "b'%c' % b'ab'", "b'%s %s' % (b'a',)", "b'%d' % (1, 2)", "b'%(a)s' % {b'a': b'x'}", "b'%(a)s' % {'a': b'x'}", "b'%r' % 'é'", "b'%a|%5s|%-4b|%c%c|%x|%05.1f' % ('é', b'ab', bytearray(b'z'), 65, b'B', 255, 2.25)", "b'%s' % memoryview(b'mv')", "b'%y' % 1", "bytearray(b'%d') % 5", "b'%d,' % 7", "b'%i%%' % 50", "b'%s' % (b'\\xff\\x00',)", "b'%-6d|%+d|%o|%#x|%e' % (5, 3, 8, 255, 1.5)", "b'%c' % 'a'", "b'%(x)d' % {b'x': 3}", "b'no args' % ()", "b'%s' % b''"]
class B:
    def __bytes__(self): return b'custom'
class Bad:
    def __bytes__(self): return 'str'
tests += ["b'%s' % B()", "b'%s' % Bad()"]
for t in tests:
    try: print(t, '->', repr(eval(t)))
    except Exception as e: print(t, '->', type(e).__name__, e)
