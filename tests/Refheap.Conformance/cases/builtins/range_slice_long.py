# Slicing ranges: new start/stop are the items at the clamped slice indices (compute_slice),
# also for lengths beyond 2**63 (refheap aborted with a .NET OverflowException there).
r = range(-2**63, 2**63 - 1)
print(r[:3], r[::2**62], r[-3:], r[5:1:-1], r[::-2**61], len(r[10:20]), r[2**62:])
r2 = range(0, 10**30, 7)
print(r2[3:10:2], r2[::-1][:2], r2[-5:])
try:
    r[::0]
except ValueError as e:
    print('ValueError', e)
try:
    r['a':]
except TypeError as e:
    print('TypeError', e)
print(range(10)[5:1], range(0, 20, 3)[1:100:2], range(10, 0, -3)[::-1], range(5)[-100:100])
