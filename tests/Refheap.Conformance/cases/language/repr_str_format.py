class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return 'Money(%d)' % self.cents
    def __str__(self):
        return '$%d.%02d' % divmod(self.cents, 100)
    def __format__(self, spec):
        if spec == 'cents':
            return '%dc' % self.cents
        return format(str(self), spec)
m = Money(1234)
print(m, repr(m), str(m), [m])
print(f'{m}|{m!r}|{m:cents}|{m:>10}|')
print('{0} {0!r} {0:cents}'.format(m))
print('%s %r' % (m, m))
class Plain:
    pass
print(str(Plain()) == repr(Plain()) or 'different')
