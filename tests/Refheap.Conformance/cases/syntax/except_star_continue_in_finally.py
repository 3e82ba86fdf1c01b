# 'continue' inside a try/finally inside an except* clause still leaves the clause.
for i in range(3):
    try:
        pass
    except* ValueError:
        try:
            pass
        finally:
            continue
