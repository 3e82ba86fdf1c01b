import gc
gc.collect()
gc.disable()
marker = ['marker']
print(any(o is marker for o in gc.get_objects(0)))
gc.collect(0)
print(any(o is marker for o in gc.get_objects(0)), any(o is marker for o in gc.get_objects(1)))
gc.collect(1)
print(any(o is marker for o in gc.get_objects(2)))
print(any(o is marker for o in gc.get_objects()))
try:
    gc.get_objects(5)
except ValueError as e:
    print('ValueError', e)
