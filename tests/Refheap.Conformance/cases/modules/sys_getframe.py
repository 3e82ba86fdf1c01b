import sys
def who():
    f = sys._getframe()
    caller = sys._getframe(1)
    return f.f_code.co_name, caller.f_code.co_name, f.f_lineno, f.f_back is caller
def main():
    return who()
print(main())
print(sys._getframe().f_code.co_name, sys._getframe().f_globals is globals())
try:
    sys._getframe(100)
except ValueError as e:
    print('ValueError', e)
