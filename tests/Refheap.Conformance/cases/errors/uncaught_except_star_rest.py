# except* handles part of a group; a clause raises a new exception; the rest and the new
# exception propagate together as ExceptionGroup('', [...]).
def work():
    try:
        raise ExceptionGroup('jobs', [ValueError('v'), TypeError('t'), OSError('o')])
    except* ValueError:
        print('values handled')
    except* TypeError as g:
        raise RuntimeError('type trouble') from g


try:
    raise ValueError('bare')
except* ValueError as g:
    print('caught bare', repr(g))
work()
