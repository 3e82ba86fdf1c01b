# int operators on ints of up to two digits (and the neighbours of that range): values,
# sizes, small-int sharing and errors, as the digit algorithms give them; str + str.
import sys
vals = [0, 1, -1, 5, -6, 255, 256, 2**30 - 1, 2**30, -2**30, 2**31 + 7, -(2**31 + 7), 2**60 - 1, -(2**60 - 1), 2**60, -2**60, 1103515245, 0x7fffffff, 2**62, -2**63, 3**37]
shifts = [0, 1, 4, 30, 59, 62, 63, 64, -1]
ops = ['+', '-', '*', '//', '%', '&', '|', '^']
# Per left operand: a checksum of the values (weighted by position), the total of the sizes,
# and the errors in order (the whole table would be ~100 KB of output).
for x in vals:
    check, size, errors, k = 0, 0, [], 0
    pairs = [(y, op) for y in vals for op in ops] + [(s, op) for s in shifts for op in ('<<', '>>')]
    for y, op in pairs:
        k += 1
        try:
            r = eval('x %s y' % op)
        except Exception as e:
            errors.append('%s %s: %s' % (op, type(e).__name__, e))
            continue
        check = (check * 1000003 + r * k) % (2**61 - 1)
        size += sys.getsizeof(r)
    print(x, check, size, len(errors), sorted(set(errors)))
five, big = 5, 2**31
print((five + 250) is (five + 250), (big - big + 7) is (big - big + 7), (five << 40) is (five << 40), -3 // 2, -3 % 2, 3 // -2, 3 % -2, True + 2**40, (True << 62), 'ab' + 'cd', 'x' + '')
a = 'q'; b = a + ''; print(b is a, (a + 'r') + 's')
