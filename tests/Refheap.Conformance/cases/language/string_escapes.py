print('tab\there', 'newline\\n', 'quote\'s', "dq\"s")
print(repr('\x00\x1f\x7f\x80\xff\u0100\uffff\U0001F600'))
print(repr("it's"), repr('say "hi"'), repr('both \' "'))
print(r'raw\n\t', len(r'\n'), b'bytes\x00\xff', repr(b"'"))
print('\N{GREEK SMALL LETTER ALPHA}', '\u00e9' == '\xe9', ascii('caf\xe9 \U0001F600'))
print('multi'
      'part', """triple
quoted""")
