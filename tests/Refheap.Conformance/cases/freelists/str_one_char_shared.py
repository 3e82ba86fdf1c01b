s = 'hello'
h = 'h'
print(s[0] is h)
a = 'A'
print(chr(65) is a)
empty = ''
print(''.join([]) is empty)
print(str() is empty)
t = 'x' * 2
x = 'x'
print(t[:1] is x)
e = '\xe9'
print(e[0] is chr(0xe9))
print(chr(300) is chr(300))
