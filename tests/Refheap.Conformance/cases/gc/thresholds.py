import gc
print(gc.get_threshold())
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(50, 4, 3)
print(gc.get_threshold())
try:
    gc.set_threshold()
except TypeError as e:
    print('TypeError', e)
try:
    gc.set_threshold(1, 2, 3, 4)
except TypeError as e:
    print('TypeError', e)
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
