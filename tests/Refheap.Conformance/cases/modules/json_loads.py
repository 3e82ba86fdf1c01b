import json
text = '{"a": [1, 2.5, "x", null, true, false], "b": {"c": "\\u00e9"}, "big": 123456789012345678901234567890}'
obj = json.loads(text)
print(obj)
print(type(obj['a'][1]).__name__, obj['big'])
print(json.loads('[]'), json.loads('"s"'), json.loads(' 3 '), json.loads('NaN'))
for bad in ('{"a": 1,}', '[1, 2', '', "{'a': 1}"):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print('JSONDecodeError', e)
print(json.loads('{"x": 1, "x": 2}'), json.loads('1.5', parse_float=str))
