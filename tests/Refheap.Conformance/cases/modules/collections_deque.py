from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.rotate(1); print(d)
d.rotate(-2); print(d)
d.extend('ab'); d.extendleft('yz')
print(d)
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10); print(m)
print(deque('abc').count('a'), list(reversed(deque([1, 2]))), deque([1, 2]) == deque([1, 2]))
try:
    deque().pop()
except IndexError as e:
    print('IndexError', e)
