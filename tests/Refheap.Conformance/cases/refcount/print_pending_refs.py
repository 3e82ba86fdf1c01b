# sys.stdout (block-buffered: the case's output goes to a pipe) keeps a reference to each ASCII
# str written until its buffer is flushed; non-ASCII text is kept encoded, as bytes.
import sys

ascii_text = ''.join(['ab', 'cd'])
other_text = ''.join(['é', 'x'])
before_a = sys.getrefcount(ascii_text)
before_o = sys.getrefcount(other_text)
sys.stdout.write(ascii_text)
sys.stdout.write(other_text)
after_a = sys.getrefcount(ascii_text)
after_o = sys.getrefcount(other_text)
sys.stdout.write('\n')
sys.stdout.flush()
flushed_a = sys.getrefcount(ascii_text)
print(after_a - before_a, after_o - before_o, flushed_a - before_a)

# print() goes through the same write: its str(obj) results stay alive until the flush.
n = 12345678901234567890
base = sys.getallocatedblocks()
print(n)
held = sys.getallocatedblocks() - base
sys.stdout.flush()
released = sys.getallocatedblocks() - base
print(held, released)

# A str subclass instance written directly is what the buffer holds: its __del__ runs at the flush.
class Noisy(str):
    def __del__(self):
        sys.stderr.write('Noisy freed\n')


sys.stdout.write(Noisy('noisy text\n'))
sys.stderr.write('after write\n')
sys.stdout.flush()
sys.stderr.write('after flush\n')

# 8 KiB of pending text is flushed on its own: before a write that would take it past 8192
# bytes, the earlier ones are let go.
parts = [str(i) * 1001 for i in range(10)]
for s in parts:
    sys.stdout.write(s[:3])
    sys.stdout.write(s[3:])
sys.stdout.write('\n')
print([sys.getrefcount(s[3:]) for s in parts] == [2] * 10)
held = [s[3:] for s in parts]
for s in held:
    sys.stdout.write(s)
counts = [sys.getrefcount(s) for s in held]
sys.stdout.write('\n')
print(counts)
