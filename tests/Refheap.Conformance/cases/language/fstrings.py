name = 'world'
pi = 3.14159265
n = 1234567
print(f'hello {name}!')
print(f'{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:e} {pi:g}')
print(f'{n:,} {n:_} {n:>12,} {n:x} {n:#o} {n:b}')
print(f'{name!r} {name:>8} {name:*^11} {name:.3}')
print(f'{3+4=} {name=}')
print(f'{"nested {braces}"} {{literal}}')
width = 7
print(f'{n:{width}d}|{0.5:{width}.{2}%}|')
print(f'{-42:+05d} {42:+d} {42: d} {0.1 + 0.2!r}')
print(f'{1e100:.3e} {float("inf")} {-0.0}')
