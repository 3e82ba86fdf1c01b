# The tuple and list free lists: 20-tuples are pushed but never popped (maybe_freelist_pop
# serves sizes 1..19 only), 19-tuples are reused, at most 2000 tuples of a size and 80
# list headers are kept, and a full collection empties them all. Free-list lengths come from sys._debugmallocstats()
# (written to fd 2, captured through a pipe); block counts from sys.getallocatedblocks().
# Mirrored by GcFactsTests.Free_lists; recorded by eng/record-gc-facts.
import gc
import os
import sys

gc.disable()


def capture_stats():
    # Only ints, a 2-tuple and one bytes object are made here: no list, so the list free
    # list is left alone. The text is parsed at the end.
    r, w = os.pipe()
    saved = os.dup(2)
    os.dup2(w, 2)
    sys._debugmallocstats()
    os.dup2(saved, 2)
    os.close(saved)
    os.close(w)
    data = os.read(r, 1 << 20)
    os.close(r)
    return data


def free_lists(data):
    found = {}
    for line in data.decode().splitlines():
        words = line.split()
        if "free" in words and ("PyListObjects" in words or "PyTupleObjects" in words):
            kind = words[2] if "PyTupleObjects" in words else "list"
            found[kind] = int(words[0])
    return "list %d, 17-tuple %d, 19-tuple %d, 20-tuple %d" % (
        found["list"], found["17-sized"], found["19-sized"], found["20-sized"])


results = []


def measure(label, fn, blocks=True):
    before = sys.getallocatedblocks()
    fn()
    after = sys.getallocatedblocks()
    # The int object holding `before` is one block of its own.
    results.append((label, after - before - 1 if blocks else None, capture_stats()))


s = "s"
keep = [None] * 100


def make20():
    for i in range(100):
        keep[i] = (s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s)


def make19():
    for i in range(100):
        keep[i] = (s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s)


many = [None] * 2100


def make2100():
    for i in range(2100):
        many[i] = (s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s)


def drop2100():
    for i in range(2100):
        many[i] = None


def make_lists():
    for i in range(100):
        keep[i] = []


def drop():
    for i in range(100):
        keep[i] = None


gc.collect()
results.append(("after a full collection", None, capture_stats()))
measure("100 new 20-tuples", make20)
measure("dropped", drop)
measure("100 more 20-tuples (none reused)", make20)
measure("dropped", drop)
measure("100 new 19-tuples", make19)
measure("dropped", drop)
measure("100 more 19-tuples (all reused)", make19)
measure("dropped", drop)
measure("100 new lists", make_lists)
measure("dropped (80 kept)", drop)
measure("100 more lists (80 reused)", make_lists)
measure("dropped", drop)
measure("2100 new 17-tuples", make2100)
measure("dropped (2000 kept)", drop2100)
measure("collect(0)", lambda: gc.collect(0))
measure("collect(1)", lambda: gc.collect(1))
measure("full collection", gc.collect, blocks=False)

for label, delta, data in results:
    if delta is None:
        print(label + ": free lists: " + free_lists(data))
    else:
        print(label + ": blocks %+d; free lists: %s" % (delta, free_lists(data)))
