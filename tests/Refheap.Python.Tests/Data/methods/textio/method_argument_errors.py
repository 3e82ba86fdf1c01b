# Argument errors of str and bytes methods whose names are built only when an error is raised.
for call in ["'a'.lower(1)", "'a'.lower(x=1)", "'a'.isalpha(1)", "'ab'.partition()", "'ab'.removeprefix(x='a')", "'ab'.rstrip(x='a')", "'ab'.center(x=3)", "'ab'.find('a', x=1)", "b'a'.lower(1)", "b'a'.isalpha(x=1)", "b'ab'.partition()", "b'ab'.strip(x=1)", "b'a'.center(x=1)", "'abc'.startswith('a', k=1)"]:
    try: eval(call)
    except TypeError as e: print(call, '->', e)
print('Ab'.lower(), 'ab'.rstrip('b'), 'a,b'.partition(','), 'abc'.removeprefix('a'), 'x'.center(3), 'abc'.find('c', 1), b'AB'.lower(), b'a,b'.partition(b','))
