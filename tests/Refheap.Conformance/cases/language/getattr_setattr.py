class Dyn:
    def __init__(self):
        object.__setattr__(self, 'log', [])
    def __getattr__(self, name):
        if name.startswith('auto_'):
            return name[5:]
        raise AttributeError(name)
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append('del ' + name)
        object.__delattr__(self, name)
d = Dyn()
print(d.auto_thing)
d.x = 1
del d.x
print(d.log)
try:
    d.missing
except AttributeError as e:
    print('AttributeError', e)
print(getattr(d, 'missing', 'default'), hasattr(d, 'auto_y'))
