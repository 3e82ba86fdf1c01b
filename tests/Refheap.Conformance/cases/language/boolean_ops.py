print(0 or 'x', 1 and 'y', None or [] or 'last', 1 and 0 and 2)
print(not 0, not [], not [0], not '')
class Falsy:
    def __bool__(self):
        return False
class Sized:
    def __len__(self):
        return 0
print(bool(Falsy()), bool(Sized()), bool(object()))
print([] == False, 0 == False, True + True, True * 3)
print(True & False, True | False, True ^ True, ~True)
