# Seed 003: the memory_profiler example (at 2M instead of 1M):
#   x = list(range(n)); y = copy.deepcopy(x); del x
# Variant for refheap: the part of CPython 3.11's pure-Python copy.py that this
# example executes (deepcopy, the dispatch table, _deepcopy_list, _deepcopy_atomic,
# _keep_alive) is inlined, because `import copy` fails on refheap (copyreg uses int | str).
def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        raise TypeError("un(deep)copyable object of type %s" % cls)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y
_deepcopy_dispatch = d = {}
def _deepcopy_atomic(x, memo):
    return x
for t in (type(None), int, float, bool, complex, bytes, str, type, range):
    d[t] = _deepcopy_atomic
def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y
d[list] = _deepcopy_list
del d
def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
def my_func():
    x = list(range(2_000_000))
    y = deepcopy(x)
    del x
    return y
y = my_func()
print(len(y), y[-1], sum(y))
