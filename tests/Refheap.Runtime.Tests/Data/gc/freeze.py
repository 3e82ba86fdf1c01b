# gc.freeze / gc.unfreeze / gc.get_freeze_count: frozen objects leave generations 0-2
# (get_objects and get_referrers no longer see them), counts are zeroed, and frozen
# garbage is not collected until unfrozen. The frozen generation also holds the
# interpreter's own objects, so its size is not printed. The objects live in a function's
# locals, so that the module dict is not one of their referrers.
# Mirrored by GcFactsTests.Freeze; recorded by eng/record-gc-facts.
import gc

gc.disable()
gc.collect()


class A:
    pass


def contains(objs, x):
    for o in objs:
        if o is x:
            return True
    return False


def main():
    gc.collect(1)
    gc.collect(0)
    gc.collect(0)
    x = A()
    holder = [x]
    a = A()
    b = A()
    a.other = b
    b.other = a
    del b
    count = gc.get_count()
    print("count before freeze: generation 0 nonzero", count[0] > 0, "then", count[1:])
    gc.freeze()
    print("count after freeze:", gc.get_count())
    print("get_objects sees x:", contains(gc.get_objects(), x), "tracked:", gc.is_tracked(x))
    print("referrers of x:", len(gc.get_referrers(x)))
    del a
    print("frozen cycle collected:", gc.collect())
    gc.unfreeze()
    print("after unfreeze: freeze count", gc.get_freeze_count())
    print("get_objects(2) sees x:", contains(gc.get_objects(2), x), "get_objects(0) sees x:", contains(gc.get_objects(0), x))
    print("referrers of x:", len(gc.get_referrers(x)), gc.get_referrers(x)[0] is holder)
    print("unfrozen cycle collected:", gc.collect())


main()
