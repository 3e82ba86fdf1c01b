class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__('%s: %s' % (field, problem))
        self.field = field
class Empty(Exception):
    pass
try:
    raise Empty()
except Empty as e:
    print('empty str:', repr(str(e)))
raise ValidationError('age', 'must be positive')
