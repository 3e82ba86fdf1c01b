# Which objects are tracked: tuples are tracked at creation and untracked by a collection
# when no item may be tracked (untrack_tuples runs on every collection, so a tuple whose
# inner tuple sits after it in the generation list needs a second collection); tuples
# holding a list or an instance stay tracked; instances and lists are always tracked.
# Mirrored by GcFactsTests.Tracking; recorded by eng/record-gc-facts.
import gc

gc.disable()
gc.collect()


class A:
    pass


def main():
    s = "s"
    pair = (s, None)
    print("new tuple of atoms tracked:", gc.is_tracked(pair))
    gc.collect(0)
    print("after collect(0):", gc.is_tracked(pair))

    print("empty tuple tracked:", gc.is_tracked(()))

    inner = (s, s)
    outer = (inner,)
    print("outer made after inner: tracked", gc.is_tracked(outer), gc.is_tracked(inner))
    gc.collect()
    print("  after one collection:", gc.is_tracked(outer), gc.is_tracked(inner))
    del inner, outer

    inner = (s, s)
    outer = (inner,)
    del inner
    print("inner only reachable through outer: tracked", gc.is_tracked(outer), gc.is_tracked(outer[0]))
    gc.collect()
    print("  after one collection:", gc.is_tracked(outer), gc.is_tracked(outer[0]))
    gc.collect()
    print("  after two collections:", gc.is_tracked(outer), gc.is_tracked(outer[0]))

    deep = (((s,),),)
    del outer
    gc.collect()
    print("three levels, made inside out, one collection:", gc.is_tracked(deep), gc.is_tracked(deep[0]), gc.is_tracked(deep[0][0]))

    lst = []
    with_list = (s, lst)
    nested = ((s, lst),)
    with_instance = (A(), s)
    gc.collect()
    gc.collect()
    print("tuple holding a list:", gc.is_tracked(with_list))
    print("tuple of a tuple holding a list:", gc.is_tracked(nested), gc.is_tracked(nested[0]))
    print("tuple holding an instance:", gc.is_tracked(with_instance))
    print("list, empty list, instance:", gc.is_tracked([s]), gc.is_tracked(lst), gc.is_tracked(A()))
    print("str, None:", gc.is_tracked(s), gc.is_tracked(None))
    lst.append(s)
    print("tuple after its list changed:", gc.is_tracked(with_list))


main()
