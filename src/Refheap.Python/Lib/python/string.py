"""String constants, capwords and Template (Refheap; Template is parsed by
hand instead of with a regular expression)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split on sep, capitalize each word, join with sep (or a space)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_ID_START = set(ascii_letters + '_')
_ID_REST = set(ascii_letters + digits + '_')

_sentinel_dict = {}


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _identifier_at(self, s, i):
        # Length of the identifier starting at s[i] (0 when there is none).
        if i < len(s) and s[i] in _ID_START:
            j = i + 1
            while j < len(s) and s[j] in _ID_REST:
                j += 1
            return j - i
        return 0

    def _scan(self, mapping, safe):
        s = self.template
        delim = self.delimiter
        out = []
        i = 0
        n = len(s)
        while True:
            j = s.find(delim, i)
            if j < 0:
                out.append(s[i:])
                break
            out.append(s[i:j])
            k = j + len(delim)
            if s.startswith(delim, k):
                out.append(delim)
                i = k + len(delim)
                continue
            length = self._identifier_at(s, k)
            if length:
                name = s[k:k + length]
                i = k + length
                out.append(self._lookup(mapping, name, s[j:i], safe))
                continue
            if k < n and s[k] == '{':
                length = self._identifier_at(s, k + 1)
                if length and k + 1 + length < n and s[k + 1 + length] == '}':
                    name = s[k + 1:k + 1 + length]
                    i = k + 2 + length
                    out.append(self._lookup(mapping, name, s[j:i], safe))
                    continue
            if safe:
                out.append(delim)
                i = k
                continue
            self._invalid(k)
        return ''.join(out)

    def _lookup(self, mapping, name, text, safe):
        if safe:
            try:
                return str(mapping[name])
            except KeyError:
                return text
        return str(mapping[name])

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        return self._scan(mapping, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        return self._scan(mapping, True)

    def is_valid(self):
        try:
            self._scan(_Anything(), False)
        except ValueError:
            return False
        return True

    def get_identifiers(self):
        ids = []

        class _Collect:
            def __getitem__(self, name):
                if name not in ids:
                    ids.append(name)
                return ''
        self._scan(_Collect(), True)
        return ids


class _Anything:
    def __getitem__(self, name):
        return ''


class _ChainMap:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]
