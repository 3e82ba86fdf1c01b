import gc
gc.collect()
def fail():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e
err = fail()
print(gc.collect())
del err
print(gc.collect())
def keep():
    try:
        raise ValueError
    except ValueError as e:
        frame_err = e
        return 1
keep()
print(gc.collect())
