# Containers freed by a collection go back to their free lists and come out again as new
# objects. Untracking (_PyObject_GC_UNTRACK) clears every collector flag but FINALIZED, so
# a reused list or tuple starts clean: it can be frozen, referenced from younger objects,
# collected around, unfrozen and freed like any other.
# Mirrored by GcFactsTests.Free_list_reuse (which also checks the collector's invariants
# after every step); recorded by eng/record-gc-facts.
import gc

gc.disable()
gc.collect()


class A:
    pass


def main():
    s = "s"
    l = []
    l.append(l)
    t = A()
    t.pair = (t, s)
    del l, t
    print("collect(0):", gc.collect(0))
    x = []
    y = (s, x)
    print("reused list and tuple tracked:", gc.is_tracked(x), gc.is_tracked(y))
    print("collect(0):", gc.collect(0))
    gc.freeze()
    z = [x, y]
    print("frozen; collect(0) with a young referrer:", gc.collect(0))
    print("collect():", gc.collect())
    gc.unfreeze()
    print("unfrozen; collect():", gc.collect())
    del x, y
    print("referrer holds", len(z), "items; collect():", gc.collect())
    z.clear()
    print("freed; collect():", gc.collect())


main()
