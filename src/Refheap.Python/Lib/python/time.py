"""time (Refheap): the clocks come from the native _refheap_time module; struct_time,
gmtime, localtime, mktime, strftime, asctime and ctime are written here on the proleptic
Gregorian calendar, with the host's local time zone for localtime and mktime."""

from _refheap_time import (time, time_ns, perf_counter, perf_counter_ns, monotonic,
                           monotonic_ns, process_time, sleep, _local_offset)

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime(), and
 accepted by asctime(), mktime() and strftime().  May be considered as a
 sequence of 9 integers."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if not 9 <= len(seq) <= 11:
            if len(seq) < 9:
                raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)' % len(seq))
            raise TypeError('time.struct_time() takes an at most 11-sequence (%d-sequence given)' % len(seq))
        self = tuple.__new__(cls, seq[:9])
        extra = seq[9:] + (None,) * (11 - len(seq))
        object.__setattr__(self, '_extra', extra)
        return self

    def __getattr__(self, name):
        if name in _FIELDS:
            return self[_FIELDS.index(name)]
        if name == 'tm_zone':
            return self._extra[0]
        if name == 'tm_gmtoff':
            return self._extra[1]
        raise AttributeError("'time.struct_time' object has no attribute '%s'" % name)

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __reduce__(self):
        return (struct_time, (tuple(self), {'tm_zone': self._extra[0], 'tm_gmtoff': self._extra[1]}))

    def __repr__(self):
        return 'time.struct_time(%s)' % ', '.join('%s=%r' % (f, v) for f, v in zip(_FIELDS, self))


struct_time.__module__ = 'time'


def _days_from_civil(y, m, d):
    # Days since 1970-01-01 of a proleptic Gregorian date.
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


_CUM = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _breakdown(secs, isdst, zone, gmtoff):
    days, rem = divmod(secs, 86400)
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    y += m <= 2
    yday = _CUM[m - 1] + d + (m > 2 and _is_leap(y))
    wday = (days + 3) % 7
    return struct_time((y, m, d, rem // 3600, rem // 60 % 60, rem % 60, wday, yday, isdst, zone, gmtoff))


def _seconds(secs):
    if secs is None:
        return int(time())
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        if secs in (float('inf'), float('-inf')):
            raise OverflowError('timestamp out of range for platform time_t')
        return int(secs // 1)
    if not hasattr(type(secs), '__index__'):
        if hasattr(type(secs), '__float__'):
            return _seconds(float(secs))
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(secs).__name__)
    return secs.__index__()


def gmtime(secs=None):
    """Convert seconds since the Epoch to a time tuple expressing UTC (a.k.a.
GMT).  When 'seconds' is not passed in, convert the current time instead.

If the platform supports the tm_gmtoff and tm_zone, they are available as
attributes only."""
    return _breakdown(_seconds(secs), 0, 'GMT', 0)


def localtime(secs=None):
    """Convert seconds since the Epoch to a time tuple expressing local time.
When 'seconds' is not passed in, convert the current time instead."""
    s = _seconds(secs)
    offset, dst, zone = _local_offset(s)
    return _breakdown(s + offset, 1 if dst else 0, zone, offset)


def _check(t, name):
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('%s(): illegal time tuple argument' % name)
    for v in t:
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return t


def mktime(t):
    """Convert a time tuple in local time to seconds since the Epoch."""
    t = _check(t, 'mktime')
    y, m, d, hh, mm, ss = t[:6]
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    local = _days_from_civil(y, m, 1) + d - 1
    local = local * 86400 + hh * 3600 + mm * 60 + ss
    offset = _local_offset(local)[0]
    return float(local - _local_offset(local - offset)[0])


_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
           'October', 'November', 'December')


def _current(t, name):
    if t is None:
        return localtime()
    t = _check(t, name)
    if not isinstance(t, struct_time):
        t = struct_time(t)
    if not 1 <= t[1] <= 12 and t[1] != 0:
        raise ValueError('month out of range')
    if not 0 <= t[2] <= 31:
        raise ValueError('day of month out of range')
    if not 0 <= t[3] <= 23:
        raise ValueError('hour out of range')
    if not 0 <= t[4] <= 59:
        raise ValueError('minute out of range')
    if not 0 <= t[5] <= 61:
        raise ValueError('seconds out of range')
    if not 0 <= t[7] <= 366 and t[7] != 0:
        raise ValueError('day of year out of range')
    return t


def asctime(t=None):
    """Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'.
When the time tuple is not present, current time as returned by localtime()
is used."""
    t = _current(t, 'asctime')
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[t[6] % 7][:3], _MONTHS[max(t[1], 1) - 1][:3], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    """Convert a time in seconds since the Epoch to a string in local time.
This is equivalent to asctime(localtime(seconds)). When the time tuple is
not present, current time as returned by localtime() is used."""
    return asctime(localtime(secs))


def _iso_week(t):
    y, yday, wday = t[0], t[7], t[6]
    week = (yday - wday + 9) // 7
    if week < 1:
        y -= 1
        prev = 366 if _is_leap(y) else 365
        week = (yday + prev - wday + 9) // 7
    elif week == 53:
        days = 366 if _is_leap(y) else 365
        if yday - wday + 3 > days:
            y += 1
            week = 1
    return y, week


def strftime(format, t=None):
    """Convert a time tuple to a string according to a format specification."""
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(format).__name__)
    t = _current(t, 'strftime')
    zone = getattr(t, 'tm_zone', None)
    gmtoff = getattr(t, 'tm_gmtoff', None)
    if zone is None:
        offset, dst, zone = _local_offset(int(time()))
        gmtoff = offset
    y, mon, d, hh, mm, ss, wday, yday, _ = t
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != '%' or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        f = format[i + 1]
        i += 2
        if f == 'a':
            out.append(_DAYS[wday % 7][:3])
        elif f == 'A':
            out.append(_DAYS[wday % 7])
        elif f in 'bh':
            out.append(_MONTHS[max(mon, 1) - 1][:3])
        elif f == 'B':
            out.append(_MONTHS[max(mon, 1) - 1])
        elif f == 'c':
            out.append(strftime('%a %b %e %H:%M:%S %Y', t))
        elif f == 'C':
            out.append('%02d' % (y // 100))
        elif f == 'd':
            out.append('%02d' % d)
        elif f == 'D':
            out.append(strftime('%m/%d/%y', t))
        elif f == 'e':
            out.append('%2d' % d)
        elif f == 'F':
            out.append(strftime('%Y-%m-%d', t))
        elif f == 'G':
            out.append('%d' % _iso_week(t)[0])
        elif f == 'g':
            out.append('%02d' % (_iso_week(t)[0] % 100))
        elif f == 'H':
            out.append('%02d' % hh)
        elif f == 'I':
            out.append('%02d' % ((hh + 11) % 12 + 1))
        elif f == 'j':
            out.append('%03d' % yday)
        elif f == 'm':
            out.append('%02d' % mon)
        elif f == 'M':
            out.append('%02d' % mm)
        elif f == 'n':
            out.append('\n')
        elif f == 'p':
            out.append('AM' if hh < 12 else 'PM')
        elif f == 'r':
            out.append(strftime('%I:%M:%S %p', t))
        elif f == 'R':
            out.append(strftime('%H:%M', t))
        elif f == 'S':
            out.append('%02d' % ss)
        elif f == 't':
            out.append('\t')
        elif f == 'T':
            out.append(strftime('%H:%M:%S', t))
        elif f == 'u':
            out.append('%d' % (wday % 7 + 1))
        elif f == 'U':
            out.append('%02d' % ((yday + 6 - (wday + 1) % 7) // 7))
        elif f == 'V':
            out.append('%02d' % _iso_week(t)[1])
        elif f == 'w':
            out.append('%d' % ((wday + 1) % 7))
        elif f == 'W':
            out.append('%02d' % ((yday + 6 - wday) // 7))
        elif f == 'x':
            out.append(strftime('%m/%d/%y', t))
        elif f == 'X':
            out.append(strftime('%H:%M:%S', t))
        elif f == 'y':
            out.append('%02d' % (y % 100))
        elif f == 'Y':
            out.append('%d' % y)
        elif f == 'z':
            off = gmtoff or 0
            sign = '-' if off < 0 else '+'
            off = abs(off)
            out.append('%s%02d%02d' % (sign, off // 3600, off // 60 % 60))
        elif f == 'Z':
            out.append(zone or '')
        elif f == '%':
            out.append('%')
        else:
            out.append('%' + f)
    return ''.join(out)


_std = _local_offset(_days_from_civil(2000, 1, 1) * 86400)
_summer = _local_offset(_days_from_civil(2000, 7, 1) * 86400)
timezone = -min(_std[0], _summer[0]) if _std[1] or _summer[1] else -_std[0]
altzone = -max(_std[0], _summer[0]) if _std[1] or _summer[1] else timezone
daylight = 1 if _std[1] or _summer[1] else 0
tzname = (_std[2], _summer[2]) if daylight else (_std[2], _std[2])
del _std, _summer
