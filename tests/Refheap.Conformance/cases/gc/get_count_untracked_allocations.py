import gc
gc.disable()
gc.collect()
c0 = gc.get_count()[0]
nums = [x * 1.5 for x in range(100)]
c1 = gc.get_count()[0]
strs = ['s%d' % i for i in range(100)]
c2 = gc.get_count()[0]
dicts = [{} for _ in range(10)]
c3 = gc.get_count()[0]
print(c1 - c0, c2 - c1, c3 - c2)
