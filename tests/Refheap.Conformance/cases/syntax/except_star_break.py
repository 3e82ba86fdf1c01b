# 'break' that would leave an except* clause is a SyntaxError (the whole script fails to compile).
for i in range(3):
    try:
        pass
    except* ValueError:
        break
