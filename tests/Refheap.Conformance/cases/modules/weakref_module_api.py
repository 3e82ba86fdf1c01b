import weakref
print(weakref.ref is weakref.ReferenceType, weakref.ProxyType.__name__, weakref.CallableProxyType.__name__)
print(sorted(n for n in ('ref', 'proxy', 'finalize', 'WeakSet', 'WeakMethod', 'WeakValueDictionary', 'WeakKeyDictionary', 'getweakrefcount', 'getweakrefs') if hasattr(weakref, n)))
print(weakref.ProxyTypes)
