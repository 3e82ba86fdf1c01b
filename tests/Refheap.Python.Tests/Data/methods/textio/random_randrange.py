import random, warnings
warnings.simplefilter('always')
r = random.Random(5)
print([r.randrange(10) for _ in range(5)], r.randrange(3, 30), r.randrange(3, 30, 4), r.randrange(30, 3, -3), r.randrange(2**64), r.randrange(True + 4))
class I:
    def __index__(self): return 7
print(r.randrange(I()), r.randrange(I(), 100))
for args in [(0,), (-3,), (5, 5), (1, 10, 0), ('5',), (5.5,), (1.5, 3), (1, 2.5), ('a',), (None,), (1, 5, None)]:
    try:
        print(args, r.randrange(*args))
    except Exception as e:
        print(args, type(e).__name__, e, type(e.__context__).__name__)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(r.randrange(5.0), r.randrange(1.0, 4.0))
    print([(str(x.message)[:40], x.filename.endswith('t_rr.py'), x.lineno) for x in w])
