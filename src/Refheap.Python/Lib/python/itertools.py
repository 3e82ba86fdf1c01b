"""Functional tools for creating and using iterators (Refheap, pure Python).

Each iterator is a small class (so type names and construction-time errors
match CPython's); most delegate the work to a private generator.
"""

import sys as _sys

_MAXSIZE = _sys.maxsize

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']


class _GenIter:
    # Base: the subclass sets self._it to a generator in __init__.
    __slots__ = ('_it', '__weakref__')

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


def _as_index(n, message=None):
    if isinstance(n, int):
        return n
    method = getattr(type(n), '__index__', None)
    if method is None:
        raise TypeError(message or f"'{type(n).__name__}' object cannot be interpreted as an integer")
    return method(n)


class count:
    """Return a count object whose .__next__() method returns consecutive values."""
    __slots__ = ('_value', '_step', '__weakref__')

    def __init__(self, start=0, step=1):
        for v in (start, step):
            t = type(v)
            if not (isinstance(v, (int, float, complex)) or hasattr(t, '__index__')
                    or hasattr(t, '__int__') or hasattr(t, '__float__')):
                raise TypeError("a number is required")
        self._value = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._value
        self._value = value + self._step
        return value

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return 'count(%r)' % (self._value,)
        return 'count(%r, %r)' % (self._value, step)

    def __reduce__(self):
        return type(self), (self._value, self._step)


class cycle(_GenIter):
    """Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."""
    __slots__ = ()

    def __init__(self, iterable, /):
        self._it = self._gen(iter(iterable))

    @staticmethod
    def _gen(it):
        saved = []
        for element in it:
            yield element
            saved.append(element)
        if not saved:
            return
        while True:
            for element in saved:
                yield element


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""
    __slots__ = ('_object', '_times', '__weakref__')

    def __init__(self, object, times=None):
        self._object = object
        if times is not None:
            times = _as_index(times)
            if not -_MAXSIZE - 1 <= times <= _MAXSIZE:
                # The "n" argument is a Py_ssize_t in CPython.
                raise OverflowError('Python int too large to convert to C ssize_t')
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._object,)
        return 'repeat(%r, %d)' % (self._object, self._times)


class accumulate(_GenIter):
    """Return series of accumulated sums (or other binary function results)."""
    __slots__ = ()

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = self._gen(iter(iterable), func, initial)

    @staticmethod
    def _gen(it, func, total):
        if total is not None:
            yield total
        else:
            for total in it:
                yield total
                break
            else:
                return
        for element in it:
            total = total + element if func is None else func(total, element)
            yield total


class chain(_GenIter):
    """Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""
    __slots__ = ()

    def __init__(self, *iterables):
        self._it = self._gen(iter(iterables))

    @staticmethod
    def _gen(sources):
        for iterable in sources:
            yield from iter(iterable)

    @classmethod
    def from_iterable(cls, iterable, /):
        """Alternative chain() constructor taking a single iterable argument that evaluates lazily."""
        self = cls.__new__(cls)
        self._it = cls._gen(iter(iterable))
        return self

    __class_getitem__ = classmethod(type(list[int]))


class compress(_GenIter):
    """Return data elements corresponding to true selector elements."""
    __slots__ = ()

    def __init__(self, data, selectors):
        self._it = (d for d, s in zip(iter(data), iter(selectors)) if s)


class dropwhile(_GenIter):
    """Drop items from the iterable while predicate(item) is true."""
    __slots__ = ()

    def __init__(self, predicate, iterable, /):
        self._it = self._gen(predicate, iter(iterable))

    @staticmethod
    def _gen(predicate, it):
        for x in it:
            if not predicate(x):
                yield x
                break
        yield from it


class takewhile(_GenIter):
    """Return successive entries from an iterable as long as the predicate evaluates to true for each entry."""
    __slots__ = ()

    def __init__(self, predicate, iterable, /):
        self._it = self._gen(predicate, iter(iterable))

    @staticmethod
    def _gen(predicate, it):
        for x in it:
            if predicate(x):
                yield x
            else:
                break


class filterfalse(_GenIter):
    """Return those items of iterable for which function(item) is false."""
    __slots__ = ()

    def __init__(self, function, iterable, /):
        if function is None:
            function = bool
        self._it = (x for x in iter(iterable) if not function(x))


class starmap(_GenIter):
    """Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."""
    __slots__ = ()

    def __init__(self, function, iterable, /):
        self._it = (function(*args) for args in iter(iterable))


class pairwise(_GenIter):
    """Return an iterator of overlapping pairs taken from the input iterator."""
    __slots__ = ()

    def __init__(self, iterable, /):
        self._it = self._gen(iter(iterable))

    @staticmethod
    def _gen(it):
        for a in it:
            for b in it:
                yield a, b
                a = b
            return


class islice:
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object"""
    __slots__ = ('_source', '_next', '_stop', '_step', '_count', '__weakref__')

    def __init__(self, iterable, *args):
        n = len(args)
        if n == 0:
            raise TypeError('islice expected at least 2 arguments, got 1')
        if n > 3:
            raise TypeError('islice expected at most 4 arguments, got %d' % (n + 1))
        if n == 1:
            start, stop, step = None, args[0], None
        else:
            start, stop = args[0], args[1]
            step = args[2] if n == 3 else None
        stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        indices_msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        if stop is not None:
            stop = self._clipped(stop)
            if stop is None or stop == -1:
                raise ValueError(stop_msg)
        else:
            stop = -1
        if start is not None:
            start = self._clipped(start)
            if start is None:
                start = -1
        else:
            start = 0
        if start < 0 or stop < -1:
            raise ValueError(indices_msg)
        if stop == -1:
            stop = None
        if step is None:
            step = 1
        else:
            step = self._clipped(step)
            if step is None:
                step = -1
            if step < 1:
                raise ValueError("Step for islice() must be a positive integer or None.")
        self._source = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._count = 0

    @staticmethod
    def _clipped(value):
        # Like PyNumber_AsSsize_t(value, NULL): None when not an integer,
        # out-of-range values clipped.
        try:
            value = _as_index(value)
        except TypeError:
            return None
        if value > _sys.maxsize:
            return _sys.maxsize
        if value < -_sys.maxsize - 1:
            return -_sys.maxsize - 1
        return value

    def __iter__(self):
        return self

    def __next__(self):
        it = self._source
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._count < self._next:
                next(it)
                self._count += 1
            if stop is not None and self._count >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._source = None
            raise
        self._count += 1
        old = self._next
        self._next += self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return item


class _tee_data:
    __slots__ = ('source', 'values')

    def __init__(self, source):
        self.source = source
        self.values = []


class _tee:
    __slots__ = ('_data', '_pos', '__weakref__')

    def __init__(self, data, pos):
        self._data = data
        self._pos = pos

    def __iter__(self):
        return self

    def __next__(self):
        data = self._data
        if self._pos < len(data.values):
            value = data.values[self._pos]
        else:
            value = next(data.source)
            data.values.append(value)
        self._pos += 1
        return value

    def __copy__(self):
        return _tee(self._data, self._pos)


_tee.__name__ = _tee.__qualname__ = '_tee'


def tee(iterable, n=2, /):
    """Returns a tuple of n independent iterators."""
    n = _as_index(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(_tee_data(it), 0)
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable"""
    __slots__ = ('_it', '_keyfunc', '_tgtkey', '_currkey', '_currvalue', '_current', '__weakref__')

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _MARK
        self._current = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        self._currkey = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value

    def __next__(self):
        # Advancing invalidates the previous group's iterator.
        self._current = None
        while True:
            if self._currkey is _MARK:
                pass
            elif self._tgtkey is _MARK:
                break
            elif not (self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._current = grouper
        return (self._currkey, grouper)


_MARK = object()


class _grouper:
    __slots__ = ('_parent', '_tgtkey', '__weakref__')

    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._current is not self:
            raise StopIteration
        if parent._currvalue is _MARK:
            parent._step()
        if not (self._tgtkey == parent._currkey):
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = _MARK
        return value


class zip_longest(_GenIter):
    """Return a zip_longest object whose .__next__() method returns a tuple where
    the i-th element comes from the i-th iterable argument."""
    __slots__ = ()

    def __init__(self, *iterables, fillvalue=None):
        iterators = [iter(it) for it in iterables]
        self._it = self._gen(iterators, fillvalue)

    @staticmethod
    def _gen(iterators, fillvalue):
        if not iterators:
            return
        active = len(iterators)
        while True:
            values = []
            for i, it in enumerate(iterators):
                if it is None:
                    values.append(fillvalue)
                    continue
                try:
                    value = next(it)
                except StopIteration:
                    active -= 1
                    if not active:
                        return
                    iterators[i] = None
                    value = fillvalue
                values.append(value)
            yield tuple(values)


class product(_GenIter):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""
    __slots__ = ()

    def __init__(self, *iterables, repeat=1):
        repeat = _as_index(repeat)
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [tuple(pool) for pool in iterables] * repeat
        self._it = self._gen(pools)

    @staticmethod
    def _gen(pools):
        if any(not pool for pool in pools):
            return
        n = len(pools)
        indices = [0] * n
        while True:
            yield tuple(pool[i] for pool, i in zip(pools, indices))
            for pos in reversed(range(n)):
                indices[pos] += 1
                if indices[pos] < len(pools[pos]):
                    break
                indices[pos] = 0
            else:
                return


class permutations(_GenIter):
    """Return successive r-length permutations of elements in the iterable."""
    __slots__ = ()

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        if r is None:
            r = n
        else:
            r = _as_index(r, "Expected int as r")
            if r < 0:
                raise ValueError("r must be non-negative")
        self._it = self._gen(pool, n, r)

    @staticmethod
    def _gen(pool, n, r):
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return


class combinations(_GenIter):
    """Return successive r-length combinations of elements in the iterable."""
    __slots__ = ()

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        r = _as_index(r)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._it = self._gen(pool, r)

    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_GenIter):
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats."""
    __slots__ = ()

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        r = _as_index(r)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._it = self._gen(pool, r)

    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)
