# Sequence repetition by counts beyond 64 bits is OverflowError (the count is converted first),
# by huge counts that fit is MemoryError, by any count of an empty sequence is empty; the case
# conversions of str build new objects even for one character (only '' is shared).
for f in (lambda: 'a' * 2**70, lambda: [1] * 2**70, lambda: (1,) * 2**70, lambda: b'a' * 2**70,
          lambda: 2**70 * 'a', lambda: 'a' * -2**70, lambda: bytearray(b'a') * 2**70,
          lambda: b'ab' * 2**40, lambda: 'ab' * 2**40, lambda: [1] * 2**40, lambda: bytearray(b'x') * 2**35,
          lambda: b'' * 2**62, lambda: '' * 2**62, lambda: [] * 2**62, lambda: () * 2**62, lambda: 'ab' * -5):
    try:
        print(repr(f())[:20])
    except (OverflowError, MemoryError) as e:
        print(type(e).__name__, e)
for m in ('lower', 'upper', 'casefold', 'swapcase', 'title', 'capitalize'):
    print(m, [getattr(s, m)() is getattr(s, m)() for s in ('É', 'é', 'a', 'A', '1', '', 'ab')])
