def lookup(k):
    try:
        return {}[k]
    except KeyError:
        raise LookupError('no ' + k) from None
lookup('key')
