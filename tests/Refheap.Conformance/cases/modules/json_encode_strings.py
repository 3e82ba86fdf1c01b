# json string encoding, escapes with and without ensure_ascii, surrogates, keys.
import json
from json import encoder

samples = ['', 'plain', 'q"uote', 'back\\slash', 'nl\ncr\rtab\tbs\bff\f', '\x00\x01\x1f\x7f\x80',
           'é€ÿ', '\U0001F600 astral', '\ud800 lone \udfff', '/slash', 'mixed "é" \\ \x7e~']
for s in samples:
    print(json.dumps(s), json.dumps(s, ensure_ascii=False))
print(json.dumps({'é': 'ü', 'k"': ['\n', '\U0010FFFF']}, sort_keys=True))
print(json.dumps({'é': 'ü'}, ensure_ascii=False, indent=1))
print(encoder.encode_basestring_ascii('a\u20ac'), encoder.encode_basestring('a\u20ac\n'))
for f in (encoder.encode_basestring_ascii, encoder.encode_basestring):
    try:
        f(b'bytes')
    except TypeError as e:
        print('TypeError', e)


class S(str):
    pass


print(json.dumps(S('sub"str')), json.dumps([S('x')], ensure_ascii=False))
print(json.loads(json.dumps(samples)) == samples, json.loads(json.dumps(samples, ensure_ascii=False)) == samples)
