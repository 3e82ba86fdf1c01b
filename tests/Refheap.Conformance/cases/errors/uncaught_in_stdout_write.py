# An error raised inside sys.stdout.write (C code in CPython): the traceback shows the
# caller's frame only.
import sys
print('before')
def emit(value):
    sys.stdout.write(value)
emit(42)
