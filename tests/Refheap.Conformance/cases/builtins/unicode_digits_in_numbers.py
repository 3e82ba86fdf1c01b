# int(), float() and complex() of a str read non-ASCII decimal digits as digits and non-ASCII whitespace as spaces (_PyUnicode_TransformDecimalAndSpaceToASCII); errors quote the original text.
for s in ['\u0661\u0662\u0663', ' \u0967\u0968 ', '\uff11\uff12', '\u00a012\u2003', '١٢.٥', '1_000', '\u0663e2']:
    for f in (int, float):
        try:
            print(repr(s), f.__name__, repr(f(s)))
        except ValueError as e:
            print(repr(s), f.__name__, 'ValueError', e)
print(int('\u0661\u0662', 16), complex('\u0661+\u0662j'))
