# Seed 004: gc.get_referrers to find what holds an object that should be dead.
import gc
class Leaky:
    pass
holder = {'kept': None}
def work():
    obj = Leaky()
    holder['kept'] = obj
    return obj
victim = work()
refs = [r for r in gc.get_referrers(victim) if r is not globals()]
print(len(refs), refs[0] is holder)
print([k for k, v in refs[0].items() if v is victim])
