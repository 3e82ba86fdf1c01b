print('%s %d %5.2f %-5s| %05d %x %X %o %e %%' % ('s', 42, 3.14159, 'ab', 42, 255, 255, 8, 12345.678))
print('%(a)s-%(b)r' % {'a': 1, 'b': 'two'})
print('{} {} {}'.format(1, 'a', [2]))
print('{1} {0} {1}'.format('x', 'y'))
print('{name} is {age:d}'.format(name='Bob', age=30))
print('{:>6}|{:<6}|{:^6}|'.format('r', 'l', 'c'))
print('{0[1]} {0[key]}'.format({1: 'one', 'key': 'val'}))
print(format(1234.5678, ',.2f'), format(0.25, '%'), format(10, '08b'))
try:
    '%d' % 'x'
except TypeError as e:
    print('TypeError', e)
