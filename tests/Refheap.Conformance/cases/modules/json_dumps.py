import json
data = {'name': 'Ada', 'langs': ['py', 'c'], 'age': 36, 'ok': True, 'none': None, 'pi': 3.14, 'nested': {'b': 1, 'a': [1, {'x': 2}]}}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, 2, {'a': 'b'}], separators=(',', ':')))
print(json.dumps('caf\xe9 \u20ac'), json.dumps('caf\xe9', ensure_ascii=False))
print(json.dumps([float('inf'), float('nan'), -0.0, 1e100, 10**20]))
print(json.dumps({1: 'int key', True: 'bool', None: 'none', 2.5: 'float'}))
try:
    json.dumps({'s': {1, 2}})
except TypeError as e:
    print('TypeError', e)
print(json.dumps(object(), default=lambda o: 'custom'))
