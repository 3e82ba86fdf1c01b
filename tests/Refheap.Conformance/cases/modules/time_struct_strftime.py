import time
g = time.gmtime(1234567890)
print(g)
print(g.tm_year, g.tm_yday, g.tm_wday, g.tm_zone, g.tm_gmtoff, len(g), g[:3])
print(type(g).__name__, time.struct_time.n_fields, time.struct_time.n_sequence_fields)
print(time.strftime('%a %A %b %B %d %e %H %I %j %m %M %p %S %U %W %w %u %y %Y %G %V %%', g))
print(time.asctime(g), time.asctime(time.gmtime(0)))
for s in [0, 951782400, -86400 * 1000, 2 ** 31, 1700000000]:
    t = time.gmtime(s)
    print(tuple(t), time.strftime('%F %T %j', t))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
try:
    g.tm_year = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    time.struct_time((1, 2))
except TypeError as e:
    print('TypeError', e)
print(time.gmtime(0) == (1970, 1, 1, 0, 0, 0, 3, 1, 0))
