# Seeded random patterns (atoms, quantifiers, flags) against random short texts: findall, sub
# and finditer spans. random's Mersenne Twister is CPython's, so both interpreters see the same
# patterns and texts; CPython's sre recorded the answers.
import random
import re

random.seed(7)
atoms = ['a', 'b', '.', r'\w', r'\d', r'\s', '[ab]', '[^a]', '[a-c]', '(a|b)', '(?:ab|a)', '@', r'\b', '^', '$', 'x']
quants = ['', '', '*', '+', '?', '{1,2}', '*?', '+?', '{2}']
for i in range(300):
    pat = ''.join(random.choice(atoms) + random.choice(quants) for _ in range(random.randint(1, 4)))
    flags = random.choice([0, 0, re.I, re.M, re.S])
    try:
        rx = re.compile(pat, flags)
    except re.error as e:
        print('error', repr(pat), e)
        continue
    for _ in range(3):
        text = ''.join(random.choice('abcx@ 1\nA_') for _ in range(random.randint(0, 14)))
        print(repr(pat), flags, repr(text), rx.findall(text), repr(rx.sub('-', text)), [m.span() for m in rx.finditer(text)])
