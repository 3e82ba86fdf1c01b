# int(), float() and str() of exact ints, floats and strs; '%' with latin-1 bytes; float repr.
for s in ['0', '-0', '+5', '007', '12345678901234567890', '-12345678901234567890',
          '9' * 38, '9' * 39, '-340282366920938463463374607431768211455', ' 12 ', '1_000',
          '\u0663', '', '-', '+', '12a', '9223372036854775808', '18446744073709551616']:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print('ValueError', e)
for s in ['0.1', '1e5', '1.e5', '.5', '5.', '-0.0', '+1.5', '1e', '--1', '1.2.3', 'e5', '.',
          '', '1_0.5', ' 1.5', 'inf', '-nan', '1e400', '1e-400', '0.30000000000000004',
          '4.9e-324', '1E5', '1-5', '1' * 70 + '.5']:
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print('ValueError', e)
print(int(3.7), int(-2), float(3), float(2.5), str(12), str(-1.5), str('ab'))
x = 'abc'
seven, hello = 7, 'hello'
print(str(x) is x, int('7') is seven, hello.replace('z', 'q') is hello)
print('a\r\nb\rc'.replace('\r\n', '\n').replace('\r', '\n').split('\n'),
      'a\u20acb'.replace('b', 'x'), 'aaa'.replace('a', 'b', 0))
for v in [0.0, -0.0, 1.0, 0.1, 1e16, 1e15, 1e-4, 1e-5, 5e-324, 1.7976931348623157e308,
          2.5e100, 1e22, 9999999999999998.0, 2 / 3, 123.456, float('inf'), float('nan')]:
    print(repr(v), str(v), '%r|%s' % (v, v))
for i in [0, -1, 2 ** 30, 2 ** 63, 2 ** 64 - 1, -2 ** 90, 2 ** 120 - 1, 2 ** 120, 10 ** 30, 2 ** 200]:
    print('%d:%i' % (i, i))
print('\u00e9%s\u20ac' % 'x', '%s-%s' % ('\u00e9', '\u00f1'), 'a%sb' % '\u20ac', '%%%d%%' % 5,
      '%s' % '', '%r\t%s\t%d\n' % (0.5, 'tab', 2 ** 64 - 1))
