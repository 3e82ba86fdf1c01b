# json.loads: values, hooks, errors and their positions, nesting limits.
import json
import sys
from collections import OrderedDict

docs = [
    '{"a": [1, 2.5, -0, -0.0, 1e3, 1E-2, 12345678901234567890123, true, false, null]}',
    ' [ "x\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/" , {} , [] , "" ] ',
    '{"k": 1, "k": 2, "j": {"k": 3}}',
    '"\\ud800 lone"', '"\\udc00\\ud800x"', '[NaN, Infinity, -Infinity]', '-', '-x', '01', '1.', '1e', '1e+', '.5',
    '[1,]', '[1 2]', '{"a" 1}', '{"a": 1,}', '{1: 2}', '{', '[', '"abc', '"a\\x"', '"\\u12"', '"\\u12G4"',
    '"tab\there"', 'nul', 'tru', '[true, fals]', '', '   ', '[] x', '{"a": [1, {"b": "c\\u0041"}]}',
    '"\\ud83d\\u0041"', '[1e400, -1e400, 1.5e-400]', '123abc', '{"é": "ü", "€": 1}',
]
for d in docs:
    try:
        v = json.loads(d)
        print(repr(d), '->', repr(v))
    except json.JSONDecodeError as e:
        print(repr(d), 'JSONDecodeError:', e, (e.msg, e.pos, e.lineno, e.colno))
    except ValueError as e:
        print(repr(d), 'ValueError:', e)

print(json.loads('"tab\there"', strict=False))
print(json.loads('[1.5, 2, 3.25]', parse_float=lambda s: 'F' + s, parse_int=lambda s: 'I' + s))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: 'C' + s))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_pairs_hook=OrderedDict))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1}', object_hook=lambda d: 'hook', object_pairs_hook=lambda p: ('pairs', p)))
keys = json.loads('[{"name": 1}, {"name": 2}, {"name": 3}]')
print(len({id(next(iter(k))) for k in keys}))
dec = json.JSONDecoder()
print(dec.raw_decode('[1, 2] trailing'), dec.raw_decode('xx{"a": 1}', 2))
try:
    dec.raw_decode('[1]', -1)
except ValueError as e:
    print(type(e).__name__, e)
print(json.loads('9' * 4300) % 1000)
try:
    json.loads('9' * 4301)
except ValueError as e:
    print('ValueError', str(e)[:60])
for depth in (50, 100000):
    try:
        v = json.loads('[' * depth + ']' * depth)
        print(depth, 'ok')
    except RecursionError as e:
        print(depth, 'RecursionError:', e)
    try:
        v = json.loads('{"a":' * depth + '1' + '}' * depth)
        print(depth, 'ok')
    except RecursionError as e:
        print(depth, 'RecursionError:', e)
def bad_hook(d):
    raise KeyError('from hook')
try:
    json.loads('{"a": {"b": 1}}', object_hook=bad_hook)
except KeyError as e:
    print('KeyError', e)
try:
    json.loads(b'[1]'.decode() + '\x00')
except json.JSONDecodeError as e:
    print(e)
print(json.loads(bytearray(b'{"x": [1, 2]}')), json.loads('\ufeff'[1:] + '[1]'))
print(sys.getrefcount(json.loads('"abc"')) >= 1)
