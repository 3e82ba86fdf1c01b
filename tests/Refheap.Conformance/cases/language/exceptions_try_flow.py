def flow(kind):
    log = []
    try:
        log.append('try')
        if kind == 'raise':
            raise ValueError('v')
        if kind == 'return':
            return log
    except ValueError as e:
        log.append('except ' + str(e))
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
print(flow('none'))
print(flow('raise'))
print(flow('return'))
def finally_overrides():
    try:
        return 'try'
    finally:
        return 'finally'
print(finally_overrides())
