# 'return' in an except* clause: 3.11 points at a constant return value.
def f():
    try:
        pass
    except* ValueError:
        return 1
