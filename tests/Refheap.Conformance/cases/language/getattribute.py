class Spy:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if name != '__dict__':
            print('get', name)
        return object.__getattribute__(self, name)
s = Spy()
print(s.a)
print(type(s).__name__)
