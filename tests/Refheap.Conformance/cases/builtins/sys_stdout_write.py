import sys
n = sys.stdout.write('written directly\n')
print(n)
sys.stderr.write('stderr line\n')
sys.stdout.writelines(['a', 'b\n'])
print(sys.stdout.encoding, sys.stderr.encoding, sys.stdout.errors, sys.stderr.errors)
print(sys.stdout.isatty(), sys.stdout.writable(), sys.stdout.name, sys.stderr.name)
