code = compile('x = 1\ny = x + 1', 'file.py', 'exec')
ns = {}
exec(code, ns)
print(type(code).__name__, ns['y'], code.co_filename)
print(eval(compile(b'2 ** 10', '<b>', 'eval')))
for args in [('1', 'f', 'bad'), ('1 +', 'f', 'eval'), ('a\0b', 'f', 'exec')]:
    try:
        compile(*args)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, e.args[0])
try:
    compile('1', 'f', 5)
except TypeError as e:
    print('TypeError', e)
import sys
print(sys.stdin.name, sys.stdin.readable(), sys.stdin.readline() == '')
