# 3.11's limit on int <-> decimal str conversions (CVE-2020-10735).
import sys
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits, sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
for make in (lambda: int('1' * 5000), lambda: str(10 ** 5000), lambda: int('1_2' * 2000)):
    try:
        make()
    except ValueError as e:
        print('ValueError', e)
for bad in (100, -1, 639):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    sys.set_int_max_str_digits('x')
except TypeError as e:
    print('TypeError', e)
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits())
for make in (lambda: int('1' * 641), lambda: repr(10 ** 700), lambda: f'{10 ** 700}', lambda: int(b'7' * 700)):
    try:
        make()
    except ValueError as e:
        print('ValueError', e)
print(len(hex(int('1' * 641, 16))), len(bin(10 ** 700)), int('1' * 640) % 97)
sys.set_int_max_str_digits(maxdigits=0)
print(len(str(10 ** 5000)), len(str(int('9' * 6000))))
