class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    pass
try:
    raise NotFound(404, 'missing page')
except AppError as e:
    print(type(e).__name__, e.code, e, e.args, repr(e))
e = ValueError(1, 'two', 3.0)
print(e.args, str(e), repr(e))
print(str(KeyError('k')), str(KeyError()), repr(Exception()))
try:
    raise NotFound
except TypeError as e:
    print('TypeError', e)
