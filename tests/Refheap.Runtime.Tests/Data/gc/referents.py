# gc.get_referents order (tp_traverse order: list and tuple items last to first; an
# instance's __slots__, then its attribute values in key order, then its class) and
# gc.get_referrers.
# Mirrored by GcFactsTests.Referents; recorded by eng/record-gc-facts.
import gc
import weakref

gc.disable()
gc.collect()


class A:
    pass


class S:
    __slots__ = ("p", "q")


def describe(o):
    if isinstance(o, type):
        return "class " + o.__name__
    if isinstance(o, str):
        return repr(o)
    if o is None:
        return "None"
    if isinstance(o, (list, tuple)):
        return type(o).__name__ + "[" + ", ".join(describe(i) for i in o) + "]"
    return type(o).__name__


def show(label, objs):
    print(label + ":", "; ".join(describe(o) for o in objs) if objs else "(none)")


def cb(wr):
    pass


def main():
    show("list ['a', 'b']", gc.get_referents(["a", "b"]))
    show("tuple ('a', 'b', None)", gc.get_referents(("a", "b", None)))
    a = A()
    a.x = ["v"]
    a.y = "w"
    a.z = None
    show("instance x, y, z", gc.get_referents(a))
    b = A()
    b.z = "late"
    b.x = "first"
    show("second instance, z then x", gc.get_referents(b))
    s = S()
    s.q = "q"
    s.p = ["p"]
    show("slots instance", gc.get_referents(s))
    show("empty slots instance", gc.get_referents(S()))
    show("str and None", gc.get_referents("s", None))
    show("two lists", gc.get_referents(["a"], ["b", "c"]))
    w = weakref.ref(a, cb)
    print("weakref referents: only its callback:", len(gc.get_referents(w)), gc.get_referents(w)[0] is cb)
    print("basic weakref referents:", len(gc.get_referents(weakref.ref(a))))

    target = A()
    l1 = [target]
    l2 = [target, target]
    t = (target,)
    holder = A()
    holder.t = target
    referrers = gc.get_referrers(target)
    print("referrers:", len(referrers), [type(r).__name__ for r in referrers])


main()
