print(hex(255), hex(-255), oct(8), bin(10), bin(-3), hex(2**70))
print(ord('a'), ord('\xe9'), ord('\u20ac'), ord('\U0001F600'))
print(chr(97), chr(0xe9), chr(0x20ac) == '\u20ac', repr(chr(0)), ascii(chr(0x1F600)))
print(format(255, 'x'), format(255, '#X'), format(5, '03b'), '%#x' % 255)
