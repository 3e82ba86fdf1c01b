# range indexing with ints of any size (compute_range_item on the int), __index__, bad key types.
class I:
    def __index__(self): return 2
for f in (lambda: range(10)[2**70], lambda: range(2**100)[2**70], lambda: range(10)[-2**70], lambda: range(10)[I()], lambda: range(10)['a'], lambda: range(10)[1.5], lambda: range(0, 2**80, 3)[-1], lambda: range(5)[True]):
    try: print(f())
    except (IndexError, TypeError) as e: print(type(e).__name__, e)
