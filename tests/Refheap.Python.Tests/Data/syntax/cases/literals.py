0
1
123456789012345678901234567890
0x1F
0XFF
0o17
0O17
0b1010
0B1
1_000_000
0x_ff
0b_1
0o_7
00
0_0
1.0
1.
.5
1e10
1E-10
1.5e+3
1_0.0_1
1e1_0
3.14j
1j
1J
0j
1e-5j
1.5e300
1e400
2.5
0.1
1e16
1e22
123456789.0
1e-7
0.0001
100.0
float_max = 1.7976931348623157e308
'single'
"double"
'''triple single'''
"""triple double"""
'it\'s'
"say \"hi\""
'a' 'b'
'a' "b" '''c'''
'tab\there'
'newline\n'
'\\'
'\x41\x42'
'\101\102'
'\u00e9'
'\U0001F600'
'\N{BULLET}'
'\a\b\f\n\r\t\v'
'\0'
'\q'
r'raw\n'
R'raw\n'
r'\''
rb'raw bytes\n'
Rb'\x00'
bR'x'
BR'x'
b'bytes'
B'bytes'
b'\x00\xff'
b'\n\t'
b'a' b'b'
u'unicode'
U'unicode'
u'a' 'b'
'a' u'b'
''
""
''''''
""""""
b''
'é'
'日本語'
'😀'
'a😀b'
"""multi
line
string"""
'''line one
line two'''
'continued \
line'
x = 'a' \
    'b'
