# The _random module of CPython (the Mersenne Twister core), for Refheap: the generator
# itself is native (_refheap_random), this class is the Python face random.Random extends.
import _refheap_random as _mt


class Random:
    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._mt_state = _mt._new_state()
        if cls is Random:
            _mt._seed(self._mt_state, args[0] if args else None)
        return self

    def seed(self, n=None):
        _mt._seed(self._mt_state, n)

    def getstate(self):
        return _mt._getstate(self._mt_state)

    def setstate(self, state):
        if not isinstance(state, tuple):
            raise TypeError('state vector must be a tuple')
        if len(state) != 625:
            raise ValueError('state vector is the wrong size')
        _mt._setstate(self._mt_state, state)


# random() and getrandbits() are C methods in CPython: native here too (NativeModules.Methods.cs).
Random.random = _mt._method(Random, 'random')
Random.getrandbits = _mt._method(Random, 'getrandbits')
