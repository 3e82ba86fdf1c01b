class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print('exit', self.name, typ.__name__ if typ else None, val)
        return self.swallow
with CM('a') as x, CM('b') as y:
    print('body', x, y)
with CM('swallow', True):
    raise ValueError('hidden')
try:
    with CM('pass'):
        raise KeyError('shown')
except KeyError as e:
    print('caught', e)
