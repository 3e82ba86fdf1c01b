e = ValueError('bad value')
e.add_note('hint: check the input')
e.add_note('second note')
raise e
