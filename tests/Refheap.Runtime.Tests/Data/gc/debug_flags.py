# gc.set_debug output (written to sys.stderr, captured here): DEBUG_STATS,
# DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE, and DEBUG_SAVEALL filling gc.garbage.
# Addresses become 0xADDR and the elapsed time T.TTTT; the permanent generation (the
# interpreter's frozen objects) prints as P.
# Mirrored by GcFactsTests.Debug_flags; recorded by eng/record-gc-facts.
import gc
import io
import sys

gc.disable()


class A:
    pass


class D:
    def __del__(self):
        sys.stderr.write("D.__del__ called\n")


def normalise(text):
    out = []
    for line in text.splitlines():
        words = []
        for w in line.split(" "):
            if w.startswith("0x"):
                w = "0xADDR" + (">" if w.endswith(">") else "")
            elif w.endswith("s") and w[:-1].replace(".", "", 1).isdigit() and "." in w:
                w = "T.TTTTs"
            words.append(w)
        line = " ".join(words)
        if line.startswith("gc: objects in permanent generation: "):
            line = "gc: objects in permanent generation: P"
        out.append(line)
    return out




def fresh(flags):
    # A quiet full collection first, so that generation 0 holds only what comes next.
    gc.set_debug(0)
    gc.collect()
    gc.set_debug(flags)


buf = io.StringIO()
sys.stderr = buf
gc.collect()
gc.freeze()
print("get_debug:", gc.get_debug())
print("DEBUG_LEAK:", gc.DEBUG_LEAK)

fresh(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE)
a = A()
b = A()
a.other = b
b.other = a
del a, b
n = gc.collect()
print("collect returned", n, file=buf)
fresh(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE)
s = "s"
keep = [s, (s, s)]
d = D()
d.me = d
del d
n = gc.collect(0)
print("collect(0) returned", n, file=buf)
fresh(gc.DEBUG_STATS)
n = gc.collect(1)
print("collect(1) returned", n, file=buf)
fresh(gc.DEBUG_UNCOLLECTABLE)
d = D()
d.me = d
del d
n = gc.collect()
print("uncollectable only, __del__ cycle:", n, file=buf)
fresh(0)

gc.set_debug(gc.DEBUG_SAVEALL)
print("get_debug:", gc.get_debug())
a = A()
b = [a]
a.items = b
keep_id = id(a)
del a, b
print("saveall collect:", gc.collect())
print("garbage:", len(gc.garbage), [type(o).__name__ for o in gc.garbage], id(gc.garbage[0]) == keep_id)
print("saved objects are alive and untouched:", gc.garbage[1][0] is gc.garbage[0])
gc.set_debug(0)
del gc.garbage[:]
print("collected once released:", gc.collect(), len(gc.garbage))

sys.stderr = sys.__stderr__
print("stderr:")
for line in normalise(buf.getvalue()):
    print(" ", line)
