# Printing limits: at most 15 members ("and N more exceptions") and nesting depth 10.
def nest(depth):
    eg = ValueError('leaf')
    for i in range(depth):
        eg = ExceptionGroup('level %d' % i, [eg])
    return eg


wide = ExceptionGroup('wide', [ValueError(i) for i in range(17)])
deep = nest(12)
raise BaseExceptionGroup('limits', [wide, deep, BaseExceptionGroup('base', [KeyboardInterrupt()])])
