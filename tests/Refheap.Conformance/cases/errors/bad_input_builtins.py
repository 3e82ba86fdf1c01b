# Bad input to builtins and library functions: each is CPython's exception class and (where the
# operation is C code in CPython) its message; never a .NET error. The deep json/copy/pickle
# structures compare only the exception class: those modules are Python here, so the
# RecursionError's "while ..." suffix differs (docs/design/stdlib.md).
import sys, json, copy, pickle
def attempt(label, fn, message=True):
    try:
        r = fn()
        print(label, 'ok', str(r)[:30])
    except Exception as e:
        print(label, type(e).__name__, str(e)[:60] if message else '')
l = []
for i in range(100000):
    l = [l]
attempt('repr deep list', lambda: len(repr(l)))
d = {}
for i in range(100000):
    d = {'a': d}
attempt('json deep', lambda: len(json.dumps(d)), message=False)
attempt('copy deep', lambda: copy.deepcopy(l) is not None, message=False)
attempt('pickle deep', lambda: len(pickle.dumps(l)), message=False)
attempt('eq deep', lambda: l == copy.copy(l))
attempt('str big int', lambda: str(10**5000))
attempt('int huge shift', lambda: 1 << 2**40)
attempt('float huge', lambda: float(10**400))
attempt('pow mod', lambda: pow(3, -1, 7))
attempt('pow float', lambda: 10.0 ** 400)
attempt('divmod zero', lambda: divmod(1, 0))
attempt('round huge', lambda: round(1.5, 2**70))
attempt('chr', lambda: chr(0x110000))
attempt('format bad', lambda: format(1, 'zz'))
attempt('range step 0', lambda: range(1, 2, 0))
attempt('list index', lambda: [1].index(2))
attempt('sort cmp', lambda: sorted([1, 'a']))
attempt('hash list', lambda: hash([]))
attempt('bytes neg', lambda: bytes(-1))
attempt('int base', lambda: int('z', 37))
attempt('str mul float', lambda: 'a' * 1.5)
attempt('slice huge', lambda: [1, 2, 3][2**70:])
attempt('getattr deep', lambda: getattr(1, 'x' * 10**6))
attempt('exec deep nesting', lambda: exec('(' * 300 + ')' * 300))
attempt('compile deep', lambda: eval('1' + '+1' * 100000))
attempt('unicode', lambda: '\udc80'.encode())
attempt('ljust neg', lambda: 'x'.ljust(-5))
attempt('int float inf', lambda: int(float('inf')))
attempt('float nan int', lambda: int(float('nan')))
attempt('maxsize list', lambda: [None] * sys.maxsize)
attempt('bytearray huge', lambda: bytearray(sys.maxsize))
attempt('dict fromkeys', lambda: len(dict.fromkeys(range(10))))
