import json
from collections import OrderedDict
import io

def attempt(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!>', type(e).__name__, e)

data = {'b': [1, 2.5, None, True, False, 'x"y\\z\n\t\u00e9\u4e2d\U0001f600\x7f\x01'], 'a': {'nested': (1, 2)}, 3: 'int key', 1.5: 'f', True: 't', None: 'n', 'empty': [], 'e2': {}}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent='\t', separators=(',', ':')))
print(json.dumps(data, indent=0))
print(json.dumps({'z': 1, 'a': [3, {'y': 1, 'b': 2}]}, sort_keys=True, indent=4))
print(json.dumps([1, [2, [3, []]], {}], indent=1))
print(json.dumps([1e100, 1e-7, 0.1, -0.0, 10.0, 123456789.125, 2**70, -5, float('inf'), float('-inf'), float('nan')]))
print(json.dumps('plain'), json.dumps('caf\u00e9'), json.dumps('caf\u00e9', ensure_ascii=False), json.dumps(None), json.dumps(True), json.dumps(3))
attempt('nan', lambda: json.dumps(float('nan'), allow_nan=False))
attempt('set', lambda: json.dumps({1, 2}))
attempt('obj', lambda: json.dumps([object()]))
attempt('key', lambda: json.dumps({(1, 2): 3}))
print(json.dumps({(1, 2): 3, 'ok': 1}, skipkeys=True))
circ = []; circ.append(circ)
attempt('circ', lambda: json.dumps(circ))
cd = {}; cd['me'] = cd
attempt('circd', lambda: json.dumps(cd))
print(json.dumps([circ[:0], circ[:0]]))
attempt('mixedsort', lambda: json.dumps({1: 2, 'a': 3}, sort_keys=True))
print(json.dumps({'s': {3, 1, 2}}, default=sorted))
class Pt:
    def __init__(self, x, y): self.x, self.y = x, y
class PtEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Pt):
            return {'x': o.x, 'y': o.y}
        return super().default(o)
print(json.dumps([Pt(1, 2)], cls=PtEncoder), json.dumps(Pt(3, 4), cls=PtEncoder, indent=2))
attempt('enc-super', lambda: json.dumps(object(), cls=PtEncoder))
print(json.JSONEncoder().encode({'a': 1}), list(json.JSONEncoder().iterencode([1, 2])), json.JSONEncoder(indent=2).encode([]))
class Sub(int): pass
class FSub(float): pass
print(json.dumps([Sub(5), FSub(2.5), OrderedDict([('z', 1), ('a', 2)])]))
print(json.dumps({'a': 1}, separators=(',', ':')), json.dumps([1, 2], separators=('; ', '=')))
buf = io.StringIO(); json.dump({'k': [1, 2]}, buf, indent=1); print(buf.getvalue())
buf = io.StringIO(); json.dump([1, 'x'], buf); print(buf.getvalue())

# loads
for text in ['{"a": [1, 2.5, -3, 1e5, 1E-2, 0, -0, -0.0, true, false, null, "s"]}', '  [ ]  ', '{}', '"\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/"',
             '123', '-1.5e+3', 'NaN', 'Infinity', '-Infinity', '[1,[2,[3]]]', '{"a":{"b":{"c":[]}}}', '"\\ud800"', '"\\ud800x"', '12345678901234567890123', '3.141592653589793238', '{"dup": 1, "dup": 2}', '\t\n\r 7 \n']:
    print(repr(text), '->', repr(json.loads(text)))
bad = ['', ' ', '[', '[1', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{a:1}', '{"a" 1}', '{"a":1 "b":2}', '"abc', '"a\\qb"', '"\\u12"', '"\\u12zz"', '"\x01"', 'nul', 'tru', 'falsy', '01', '1.', '-', '--1', '.5', '1e', '1e+', '[1]x', '{} {}', '\ufeff[]', '"\\', '"\\ud800\\u12zz"', '[1,\n 2,\n x]', '\n\n   @', 'Nan', '-Inf', '+1', '1ee5', '[-]', '"\\u00e9']
for text in bad:
    try:
        json.loads(text)
        print(repr(text), 'parsed?!')
    except json.JSONDecodeError as e:
        print(repr(text), '!>', e, '|', e.msg, e.pos, e.lineno, e.colno)
print(issubclass(json.JSONDecodeError, ValueError))
attempt('type', lambda: json.loads(5))
print(json.loads(b'[1, "x"]'), json.loads(bytearray(b'{"a": 2}')), json.loads('[1]'.encode('utf-16')), json.loads('"\u00e9"'.encode('utf-8-sig')), json.loads('[2]'.encode('utf-32')), json.loads('[3]'.encode('utf-16-le')), json.loads('[4]'.encode('utf-16-be')))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict), json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"x": 1}', object_pairs_hook=list, object_hook=dict))
print(json.loads('[1, 2.5, NaN]', parse_float=str, parse_int=lambda s: int(s) * 10, parse_constant=lambda c: 'C:' + c))
print(json.loads('"a\tb"', strict=False), json.loads(io.StringIO('[1, {"q": null}]').read()), json.load(io.StringIO('{"k": true}')))
dec = json.JSONDecoder()
print(dec.raw_decode('[1, 2] trailing'), dec.raw_decode('  {"a": 1}xyz', 2), dec.decode(' "s" '))
attempt('raw', lambda: dec.raw_decode('  x'))
try:
    json.loads('[1, 2')
except ValueError as e:
    print('ValueError', e, e.args)
import copy, pickle
e = json.JSONDecodeError('msg', 'doc\nline', 5)
print(e, e.lineno, e.colno, e.__reduce__()[1])
print(json.dumps(json.loads('{"\\u0000": "\\u001f"}')), json.dumps('\u2028\u2029'), json.dumps('\ud800'))
print(sorted(json.__all__))
