a + b
a - b * c
(a - b) * c
a / b // c % d @ e
a ** b ** c
-a ** b
-a
+a
~a
not a
a and b
a or b
a and b and c
a or b or c
a and b or c and d
not a and not b
a if b else c
a if b else c if d else e
a < b
a < b < c
a == b != c
a <= b >= c
a is b
a is not b
a in b
a not in b
a < b in c is not d
a | b ^ c & d
a << b >> c
a | b | c
(a)
((a))
(a, b)
(a,)
()
[]
[1, 2, 3]
[1, *a, 2]
{}
{1: 2}
{1: 2, **d, 3: 4}
{**a}
{1, 2}
{*a, 1}
[x for x in y]
[x for x in y if x if z]
[x * y for x in a for y in b]
[(x, y) for x, y in z]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
[x for x in (lambda: y)()]
x.y.z
x[0]
x[0][1]
x[a, b]
x[1:2]
x[1:2:3]
x[:]
x[::]
x[::2]
x[1:]
x[:2]
x[a:b, c:d]
x[1:2, ::3, 4]
x[*a]
x[a, *b]
x[()]
(x := 5)
[y := 1, y ** 2]
if (n := len(a)) > 10: pass
while (line := f.readline()): pass
[z for x in y if (z := x)]
x = a if b else c
x = not a
x = (yield)
x = *a, *b
x = 1,
x = a, b
print(*a)
a = b = c
x = [
    1,
    2,
]
y = (1 +
     2)
z = 1 + \
    2
...
x = ...
None
True
False
a.b.c.d
a[b][c]
a.b(c)[d].e
f(a)[b:c]
