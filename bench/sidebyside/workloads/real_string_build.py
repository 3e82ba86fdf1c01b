# string building: += in a loop, '%'/format, and ''.join of many pieces
def main(n):
    s = ''
    for i in range(n):
        s += str(i % 10)
    parts = []
    for i in range(n):
        parts.append('item-%d:%s' % (i, 'x' * (i % 5)))
    joined = ','.join(parts)
    lines = '\n'.join('{:>8} {}'.format(i, i * i) for i in range(n // 4))
    return len(s), len(joined), len(lines), joined[-20:]
print(main(300_000))
