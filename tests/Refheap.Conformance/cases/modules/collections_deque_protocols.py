# deque with the collections ABCs, pickle, copy of a subclass with its own __init__, generic alias and builtins that iterate it.
import collections.abc, pickle, copy
from collections import deque
d = deque([1, 2, 3], 5)
print(isinstance(d, collections.abc.MutableSequence), isinstance(d, collections.abc.Sequence), issubclass(deque, collections.abc.Iterable))
e = pickle.loads(pickle.dumps(d)); print(e, e.maxlen, type(e) is deque)
class S(deque):
    def __init__(self, it=(), maxlen=None, tag='t'):
        super().__init__(it, maxlen)
        self.tag = tag
s = S([1], 3, 'q'); print(s, s.tag, copy.copy(s).maxlen, copy.deepcopy(s).tag, pickle.loads(pickle.dumps(s)).tag)
print(deque[int], list(deque(range(3)).__iter__()), d.__len__(), deque.__len__(d))
print(sorted(deque([3,1,2])), max(deque([3,1,2])), sum(deque(range(100))), list(zip(deque('ab'), 'cd')))
print(deque(x*x for x in range(4)), list(map(str, deque([1,2]))), dict.fromkeys(deque('ab')))
