# Notes print after the exception line; a multi-line note prints line by line, non-str notes
# as their str().
e = ValueError('with notes')
e.add_note('one')
e.add_note('two\nthree')
e.__notes__.append(42)
e.__notes__.append('')
raise e
