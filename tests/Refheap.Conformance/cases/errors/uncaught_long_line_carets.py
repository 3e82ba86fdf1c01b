data = {'a': {'b': None}}
result = data['a']['b']['c']
