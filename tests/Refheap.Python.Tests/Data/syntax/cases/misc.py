# comment at the top

x = 1  # trailing comment

	
def f():
	return 1

if True:
    x = [
        1,
  2,
            3]
    y = {
    }

class K: x = 1; y = 2

if a: b = 1; c = 2
while a: a -= 1
for x in y: print(x); print(y)
with a: pass
try: pass
except: pass

def g(): yield 1; yield

é = 1
naïve = 2
日本 = 3
print(é, naïve, 日本)
x = "é" + 'ü'
s = 'é'; t = 1
print(s, t)
def h(
    a,
    b,
):
    return (
        a
        + b
    )

assert isinstance(x, int), \
    "message"

if x:
    pass
# comment at dedent
y = 1

match = 1
match.x = 2
print(match)
case = 3
_ = 4
__ = 5
type = int
print = print
not_a_keyword = True
x = [i for i in range(3)]
x = [[i, j] for i in range(3) for j in range(i)]
x = lambda: (yield)
