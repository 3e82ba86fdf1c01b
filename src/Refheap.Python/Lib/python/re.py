"""Regular expressions: a backtracking matcher written in Python (Refheap).

Patterns are parsed into a small tree and compiled into closures that call a
continuation on success. Supported: literals, ., classes ([...], \\d \\w \\s and
negations), anchors (^ $ \\A \\Z \\b \\B), groups (capturing, named, non-capturing,
atomic), lookahead/lookbehind, backreferences, alternation, greedy/lazy/possessive
quantifiers, inline and scoped flags, and the flags IGNORECASE, MULTILINE, DOTALL,
VERBOSE and ASCII. Bytes patterns work on latin-1 decoded text.
"""

import enum
import sys

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer',
           'compile', 'purge', 'template', 'escape', 'error', 'Pattern', 'Match', 'A', 'I',
           'L', 'M', 'S', 'X', 'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL',
           'VERBOSE', 'UNICODE', 'NOFLAG', 'RegexFlag']

__version__ = '2.2.1'


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    TEMPLATE = T = 1
    DEBUG = 128

    def __repr__(self):
        if self._name_ is None:
            return 're.RegexFlag(%r)' % (self._value_,)
        if self._value_ == 0:
            return 're.NOFLAG'
        return '|'.join('re.' + n for n in self._name_.split('|'))

    __str__ = __repr__


NOFLAG = RegexFlag.NOFLAG
ASCII = A = RegexFlag.ASCII
IGNORECASE = I = RegexFlag.IGNORECASE
LOCALE = L = RegexFlag.LOCALE
UNICODE = U = RegexFlag.UNICODE
MULTILINE = M = RegexFlag.MULTILINE
DOTALL = S = RegexFlag.DOTALL
VERBOSE = X = RegexFlag.VERBOSE
TEMPLATE = T = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG

_I, _L, _M, _S, _X, _U, _A = 2, 4, 8, 16, 64, 32, 256


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)

PatternError = error

# ---------------------------------------------------------------------------
# Character predicates

_ASCII_DIGITS = '0123456789'
_ASCII_SPACE = ' \t\n\r\f\v'
_ASCII_WORD = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')


def _is_digit(c, ascii):
    if ascii:
        return c in _ASCII_DIGITS
    return c.isdecimal()


def _is_space(c, ascii):
    if ascii:
        return c in _ASCII_SPACE
    return c.isspace() or c in '\x1c\x1d\x1e\x1f'


def _is_word(c, ascii):
    if ascii:
        return c in _ASCII_WORD
    return c.isalnum() or c == '_'


# ---------------------------------------------------------------------------
# Parser: pattern text -> tree
#
# Nodes:  ('char', c) ('any',) ('set', negate, items) ('bol',) ('eol',) ('bos',) ('eos',)
#         ('boundary', bool) ('group', index, node) ('alt', [nodes]) ('seq', [nodes])
#         ('rep', node, min, max, mode) mode: 'greedy' | 'lazy' | 'possessive'
#         ('backref', index) ('look', node, behind, negate) ('atomic', node)
#         ('flags', on, off, node)   a scoped flag change
#         ('cond', index, yes, no)
# set items: ('c', ch) ('r', lo, hi) ('cls', kind, negate)   kind in 'dws'

_REPEAT_CHARS = '*+?{'
_SPECIAL = set('.^$*+?{}[]\\|()')
_MAXREPEAT = 4294967295


class _Parser:
    def __init__(self, pattern, flags, is_bytes):
        self.src = pattern
        self.pattern = pattern
        self.is_bytes = is_bytes
        self.pos = 0
        self.flags = flags
        self.groups = 1
        self.groupdict = {}
        self.open_groups = set()
        self.lookbehind_groups = None

    def error(self, msg, offset=0):
        orig = self.pattern
        return error(msg, orig, max(self.pos - offset, 0))

    def peek(self):
        if self.pos < len(self.src):
            return self.src[self.pos]
        return None

    def next(self):
        c = self.src[self.pos]
        self.pos += 1
        return c

    def at_end(self):
        return self.pos >= len(self.src)

    def skip_verbose(self):
        if not (self.flags & _X):
            return
        src = self.src
        while self.pos < len(src):
            c = src[self.pos]
            if c in ' \t\n\r\f\v':
                self.pos += 1
            elif c == '#':
                while self.pos < len(src) and src[self.pos] != '\n':
                    self.pos += 1
            else:
                break

    def parse(self):
        # leading global inline flags are allowed anywhere at the start in 3.11
        node = self.parse_alt()
        if not self.at_end():
            if self.peek() == ')':
                raise error('unbalanced parenthesis', self.pattern, self.pos)
            raise self.error('unexpected end of pattern')
        return node

    def parse_alt(self):
        branches = [self.parse_seq()]
        while self.peek() == '|':
            self.pos += 1
            branches.append(self.parse_seq())
        if len(branches) == 1:
            return branches[0]
        return ('alt', branches)

    def parse_seq(self):
        items = []
        while True:
            self.skip_verbose()
            c = self.peek()
            if c is None or c in '|)':
                break
            start = self.pos
            atom = self.parse_atom()
            if atom is None:
                continue
            self.skip_verbose()
            atom = self.parse_repeat(atom, start)
            items.append(atom)
        if len(items) == 1:
            return items[0]
        return ('seq', items)

    def parse_repeat(self, atom, start):
        while True:
            c = self.peek()
            if c is None or c not in _REPEAT_CHARS:
                return atom
            here = self.pos
            if c == '{':
                rng = self.parse_brace()
                if rng is None:
                    return atom
                lo, hi = rng
            else:
                self.pos += 1
                if c == '*':
                    lo, hi = 0, _MAXREPEAT
                elif c == '+':
                    lo, hi = 1, _MAXREPEAT
                else:
                    lo, hi = 0, 1
            if atom[0] in ('bol', 'eol', 'bos', 'eos', 'boundary') or atom[0] == 'empty':
                raise error('nothing to repeat', self.pattern, here)
            if atom[0] == 'rep':
                raise error('multiple repeat', self.pattern, here)
            mode = 'greedy'
            nc = self.peek()
            if nc == '?':
                self.pos += 1
                mode = 'lazy'
            elif nc == '+':
                self.pos += 1
                mode = 'possessive'
            atom = ('rep', atom, lo, hi, mode)
            self.skip_verbose()
            nc = self.peek()
            if nc is not None and nc in _REPEAT_CHARS:
                if nc == '{' and self.brace_is_literal():
                    return atom
                raise error('multiple repeat', self.pattern, self.pos)

    def brace_is_literal(self):
        save = self.pos
        try:
            return self.parse_brace() is None
        finally:
            self.pos = save

    def parse_brace(self):
        src = self.src
        save = self.pos
        self.pos += 1
        lo = ''
        while self.pos < len(src) and src[self.pos] in _ASCII_DIGITS:
            lo += src[self.pos]
            self.pos += 1
        hi = lo
        if self.pos < len(src) and src[self.pos] == ',':
            self.pos += 1
            hi = ''
            while self.pos < len(src) and src[self.pos] in _ASCII_DIGITS:
                hi += src[self.pos]
                self.pos += 1
        if self.pos >= len(src) or src[self.pos] != '}' or (lo == '' and hi == '' and
                                                           src[save + 1] != ','):
            self.pos = save
            return None
        if lo == '' and hi == '' and src[save + 1] == ',':
            # '{,}' is the same as '*'
            pass
        self.pos += 1
        lo_v = int(lo) if lo else 0
        hi_v = int(hi) if hi else _MAXREPEAT
        if lo_v >= _MAXREPEAT or (hi and hi_v >= _MAXREPEAT):
            raise OverflowError('the repetition number is too large')
        if hi_v < lo_v:
            raise error('min repeat greater than max repeat', self.pattern, save + 1)
        return lo_v, hi_v

    def parse_atom(self):
        here = self.pos
        c = self.next()
        if c == '(':
            return self.parse_group(here)
        if c == '[':
            return self.parse_class(here)
        if c == '.':
            return ('any',)
        if c == '^':
            return ('bol',)
        if c == '$':
            return ('eol',)
        if c == '\\':
            return self.parse_escape(here, in_class=False)
        if c in '*+?':
            raise error('nothing to repeat', self.pattern, here)
        if c == '{':
            self.pos = here
            if not self.brace_is_literal():
                raise error('nothing to repeat', self.pattern, here)
            self.pos = here + 1
            return ('char', c)
        return ('char', c)

    def parse_flags_letters(self):
        flag_map = {'i': _I, 'L': _L, 'm': _M, 's': _S, 'x': _X, 'a': _A, 'u': _U}
        on = 0
        src = self.src
        while self.pos < len(src) and src[self.pos] in flag_map:
            on |= flag_map[src[self.pos]]
            self.pos += 1
        return on

    def parse_group(self, here):
        src = self.src
        if self.peek() == '?':
            self.pos += 1
            c = self.peek()
            if c is None:
                raise error('unexpected end of pattern', self.pattern, self.pos)
            if c == ':':
                self.pos += 1
                node = self.parse_alt()
                self.expect_close(here)
                return node if node != ('seq', []) else ('seq', [])
            if c == 'P':
                self.pos += 1
                c2 = self.peek()
                if c2 == '<':
                    self.pos += 1
                    name = self.read_name('>')
                    if not name.isidentifier():
                        raise error('bad character in group name %r' % (name,), self.pattern,
                                    self.pos - len(name) - 1)
                    if name in self.groupdict:
                        raise error('redefinition of group name %r as group %d; was group %d'
                                    % (name, self.groups, self.groupdict[name]), self.pattern,
                                    self.pos - len(name) - 1)
                    index = self.groups
                    self.groups += 1
                    self.groupdict[name] = index
                    self.open_groups.add(index)
                    node = self.parse_alt()
                    self.expect_close(here)
                    self.open_groups.discard(index)
                    return ('group', index, node)
                if c2 == '=':
                    self.pos += 1
                    name = self.read_name(')')
                    if name not in self.groupdict:
                        raise error('unknown group name %r' % (name,), self.pattern,
                                    self.pos - len(name) - 1)
                    index = self.groupdict[name]
                    if index in self.open_groups:
                        raise error('cannot refer to an open group', self.pattern, here)
                    return ('backref', index)
                raise error('unknown extension ?P' + (c2 or ''), self.pattern, here + 1)
            if c == '#':
                while self.pos < len(src) and src[self.pos] != ')':
                    self.pos += 1
                if self.pos >= len(src):
                    raise error('missing ), unterminated comment', self.pattern, here)
                self.pos += 1
                return None
            if c in '=!':
                self.pos += 1
                node = self.parse_alt()
                self.expect_close(here)
                return ('look', node, False, c == '!')
            if c == '<':
                self.pos += 1
                c2 = self.peek()
                if c2 not in ('=', '!'):
                    raise error('unknown extension ?<' + (c2 or ''), self.pattern, here + 1)
                self.pos += 1
                node = self.parse_alt()
                self.expect_close(here)
                return ('look', node, True, c2 == '!')
            if c == '>':
                self.pos += 1
                node = self.parse_alt()
                self.expect_close(here)
                return ('atomic', node)
            if c == '(':
                self.pos += 1
                name = self.read_name(')')
                if name.isdigit():
                    index = int(name)
                    if index >= self.groups:
                        raise error('invalid group reference %d' % index, self.pattern, here + 3)
                elif name in self.groupdict:
                    index = self.groupdict[name]
                else:
                    raise error('unknown group name %r' % (name,), self.pattern, here + 3)
                yes = self.parse_seq()
                no = ('seq', [])
                if self.peek() == '|':
                    self.pos += 1
                    no = self.parse_seq()
                    if self.peek() == '|':
                        raise error('conditional backref with more than two branches',
                                    self.pattern, self.pos)
                self.expect_close(here)
                return ('cond', index, yes, no)
            if c in 'iLmsxau-':
                on = self.parse_flags_letters()
                off = 0
                if self.peek() == '-':
                    self.pos += 1
                    off = self.parse_flags_letters()
                    if not off:
                        raise error('missing flag', self.pattern, self.pos)
                c3 = self.peek()
                if c3 == ')':
                    self.pos += 1
                    if off:
                        raise error('missing :', self.pattern, self.pos - 1)
                    if here != 0:
                        raise error('global flags not at the start of the expression',
                                    self.pattern, here)
                    self.flags |= on
                    return None
                if c3 == ':':
                    self.pos += 1
                    saved = self.flags
                    self.flags = (self.flags | on) & ~off
                    node = self.parse_alt()
                    self.flags = saved
                    self.expect_close(here)
                    return ('flags', on, off, node)
                if c3 is None:
                    raise error('missing -, : or )', self.pattern, self.pos)
                raise error('unknown flag', self.pattern, self.pos)
            raise error('unknown extension ?' + c, self.pattern, here + 1)
        index = self.groups
        self.groups += 1
        self.open_groups.add(index)
        node = self.parse_alt()
        self.expect_close(here)
        self.open_groups.discard(index)
        return ('group', index, node)

    def read_name(self, terminator):
        src = self.src
        start = self.pos
        while self.pos < len(src) and src[self.pos] != terminator:
            self.pos += 1
        if self.pos >= len(src):
            raise error('missing %s, unterminated name' % terminator, self.pattern, start)
        name = src[start:self.pos]
        if not name:
            raise error('missing group name', self.pattern, start)
        self.pos += 1
        return name

    def expect_close(self, here):
        if self.peek() != ')':
            raise error('missing ), unterminated subpattern', self.pattern, here)
        self.pos += 1

    def parse_escape(self, here, in_class):
        if self.at_end():
            raise error('bad escape (end of pattern)', self.pattern, here)
        c = self.next()
        simple = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a',
                  '\\': '\\'}
        if c in simple:
            return ('char', simple[c])
        if c in 'dDwWsS':
            kind = c.lower()
            neg = c.isupper()
            if in_class:
                return ('cls', kind, neg)
            return ('set', False, [('cls', kind, neg)])
        if c == 'b':
            if in_class:
                return ('char', '\b')
            return ('boundary', True)
        if c == 'B' and not in_class:
            return ('boundary', False)
        if c == 'A' and not in_class:
            return ('bos',)
        if c == 'Z' and not in_class:
            return ('eos',)
        if c == 'x':
            return ('char', chr(self.read_hex(2, here)))
        if c == 'u' and not self.is_bytes:
            return ('char', chr(self.read_hex(4, here)))
        if c == 'U' and not self.is_bytes:
            v = self.read_hex(8, here)
            if v > 0x10FFFF:
                raise error('bad escape \\U%08x' % v, self.pattern, here)
            return ('char', chr(v))
        if c == 'N' and not self.is_bytes:
            if self.peek() != '{':
                raise error('missing {', self.pattern, self.pos)
            self.pos += 1
            name = self.read_name('}')
            import unicodedata
            try:
                return ('char', unicodedata.lookup(name))
            except KeyError:
                raise error('undefined character name %r' % (name,), self.pattern, here)
        if c == '0':
            digits = c
            while len(digits) < 3 and self.peek() is not None and self.peek() in '01234567':
                digits += self.next()
            return ('char', chr(int(digits, 8)))
        if c in '123456789':
            digits = c
            src = self.src
            if (not in_class and self.pos + 1 < len(src) + 1 and self.peek() is not None
                    and self.peek() in _ASCII_DIGITS):
                nxt = self.peek()
                if (c in '01234567' and nxt in '01234567' and self.pos + 1 < len(src)
                        and src[self.pos + 1] in '01234567'):
                    digits = c + self.next() + self.next()
                    v = int(digits, 8)
                    if v > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377'
                                    % digits, self.pattern, here)
                    return ('char', chr(v))
                digits += self.next()
            if in_class:
                if c in '01234567':
                    while (len(digits) < 3 and self.peek() is not None
                           and self.peek() in '01234567'):
                        digits += self.next()
                    if all(d in '01234567' for d in digits):
                        return ('char', chr(int(digits, 8)))
                raise error('bad escape \\' + digits, self.pattern, here)
            index = int(digits)
            if index >= self.groups:
                raise error('invalid group reference %d' % index, self.pattern, here + 1)
            if index in self.open_groups:
                raise error('cannot refer to an open group', self.pattern, here)
            return ('backref', index)
        if c.isascii() and c.isalnum():
            raise error('bad escape \\' + c, self.pattern, here)
        return ('char', c)

    def read_hex(self, n, here):
        src = self.src
        digits = src[self.pos:self.pos + n]
        if len(digits) != n or any(d not in '0123456789abcdefABCDEF' for d in digits):
            raise error('incomplete escape \\%s%s' % (src[here + 1], digits), self.pattern, here)
        self.pos += n
        return int(digits, 16)

    def parse_class(self, here):
        src = self.src
        negate = False
        if self.peek() == '^':
            self.pos += 1
            negate = True
        items = []
        first = True
        while True:
            if self.at_end():
                raise error('unterminated character set', self.pattern, here)
            c = self.next()
            if c == ']' and not first:
                break
            first = False
            start_pos = self.pos - 1
            if c == '\\':
                item = self.parse_escape(start_pos, in_class=True)
                if item[0] == 'cls':
                    items.append(item)
                    continue
                lo = item[1]
            else:
                lo = c
            if self.peek() == '-' and self.pos + 1 < len(src) and src[self.pos + 1] != ']':
                self.pos += 1
                c2 = self.next()
                if c2 == '\\':
                    item2 = self.parse_escape(self.pos - 1, in_class=True)
                    if item2[0] == 'cls':
                        raise error('bad character range %s-%s' % (
                            src[start_pos:self.pos - 2], src[self.pos - 2:self.pos]),
                            self.pattern, start_pos)
                    hi = item2[1]
                else:
                    hi = c2
                if ord(hi) < ord(lo):
                    raise error('bad character range %s' % (src[start_pos:self.pos],),
                                self.pattern, start_pos)
                items.append(('r', lo, hi))
            else:
                items.append(('c', lo))
        return ('set', negate, items)


# ---------------------------------------------------------------------------
# Compiler: tree -> matcher closures
#
# A matcher is m(ctx, pos, k) and returns whatever k returns (None on failure).

class _Ctx:
    __slots__ = ('s', 'end', 'start', 'groups', 'must_advance', 'search_start', 'lastindex')


def _fold(c):
    return c.lower()


def _set_predicate(negate, items, flags):
    ascii = bool(flags & _A)
    icase = bool(flags & _I)
    chars = set()
    ranges = []
    classes = []
    for item in items:
        if item[0] == 'c':
            chars.add(item[1])
        elif item[0] == 'r':
            ranges.append((item[1], item[2]))
        else:
            classes.append((item[1], item[2]))

    def test(c):
        if c in chars:
            return True
        for lo, hi in ranges:
            if lo <= c <= hi:
                return True
        for kind, neg in classes:
            if kind == 'd':
                r = _is_digit(c, ascii)
            elif kind == 'w':
                r = _is_word(c, ascii)
            else:
                r = _is_space(c, ascii)
            if r != neg:
                return True
        return False

    if icase:
        def pred(c):
            r = test(c) or test(c.lower()) or test(c.upper())
            return r != negate
    elif not ranges and not classes:
        if negate:
            def pred(c):
                return c not in chars
        else:
            def pred(c):
                return c in chars
    else:
        def pred(c):
            return test(c) != negate
    # Each character's answer is computed once per set: later tests are one dict lookup.
    return _PredCache(pred).__getitem__


class _PredCache(dict):
    """A character class's answers by character, filled on first use (at most 65536 kept)."""
    __slots__ = ('pred',)

    def __init__(self, pred):
        self.pred = pred

    def __missing__(self, c):
        r = self.pred(c)
        if len(self) < 65536:
            self[c] = r
        return r


def _single_char_pred(node, flags):
    """A predicate for nodes matching exactly one character, else None."""
    kind = node[0]
    if kind == 'char':
        ch = node[1]
        if flags & _I:
            lc = ch.lower()
            uc = ch.upper()
            return lambda c: c == ch or c.lower() == lc or c.upper() == uc
        return lambda c: c == ch
    if kind == 'any':
        if flags & _S:
            return lambda c: True
        return lambda c: c != '\n'
    if kind == 'set':
        return _set_predicate(node[1], node[2], flags)
    return None


def _width(node):
    """(min, max) width of a node; max None when unbounded."""
    kind = node[0]
    if kind in ('char', 'any', 'set'):
        return 1, 1
    if kind in ('bol', 'eol', 'bos', 'eos', 'boundary', 'look', 'empty'):
        return 0, 0
    if kind == 'group':
        return _width(node[2])
    if kind in ('atomic',):
        return _width(node[1])
    if kind == 'flags':
        return _width(node[3])
    if kind == 'seq':
        lo = 0
        hi = 0
        for n in node[1]:
            a, b = _width(n)
            lo += a
            hi = None if hi is None or b is None else hi + b
        return lo, hi
    if kind == 'alt':
        ws = [_width(n) for n in node[1]]
        lo = min(w[0] for w in ws)
        his = [w[1] for w in ws]
        return lo, None if None in his else max(his)
    if kind == 'rep':
        a, b = _width(node[1])
        hi = None if b is None or node[3] == _MAXREPEAT else b * node[3]
        return a * node[2], hi
    if kind == 'cond':
        a = _width(node[2])
        b = _width(node[3])
        return min(a[0], b[0]), None if a[1] is None or b[1] is None else max(a[1], b[1])
    return 0, None


_ZERO_WIDTH = ('bol', 'eol', 'bos', 'eos', 'boundary', 'look', 'empty')


def _literal_prefix(node, flags):
    """A string every match starts with (case-sensitive patterns), or ''."""
    if flags & _I:
        return ''
    kind = node[0]
    if kind == 'char':
        return node[1]
    if kind == 'group':
        return _literal_prefix(node[2], flags)
    if kind == 'seq':
        out = []
        for n in node[1]:
            if n[0] == 'char':
                out.append(n[1])
                continue
            if not out and n[0] == 'group':
                return _literal_prefix(n, flags)
            if not out and n[0] in _ZERO_WIDTH:
                continue
            break
        return ''.join(out)
    if kind == 'rep' and node[2] >= 1:
        return _literal_prefix(node[1], flags)[:1]
    return ''


def _first_pred(node, flags):
    """A test every match's first character passes, or None (the node can match empty, or
    its first character is not known)."""
    kind = node[0]
    if kind in ('char', 'set'):
        return _single_char_pred(node, flags)
    if kind in ('group', 'atomic'):
        return _first_pred(node[-1], flags)
    if kind == 'rep':
        return _first_pred(node[1], flags) if node[2] >= 1 else None
    if kind == 'seq':
        for n in node[1]:
            if n[0] in _ZERO_WIDTH:
                continue
            if _width(n)[0] == 0:
                return None
            return _first_pred(n, flags)
        return None
    if kind == 'alt':
        preds = [_first_pred(n, flags) for n in node[1]]
        if not preds or None in preds:
            return None
        return _PredCache(lambda c: any(p(c) for p in preds)).__getitem__
    return None


def _compile(node, flags):
    kind = node[0]
    if kind in ('char', 'any', 'set'):
        pred = _single_char_pred(node, flags)

        def m_one(ctx, pos, k):
            if pos < ctx.end and pred(ctx.s[pos]):
                return k(pos + 1)
            return None
        return m_one
    if kind == 'seq':
        nodes = node[1]
        parts = []
        for i, n in enumerate(nodes):
            nxt = nodes[i + 1] if i + 1 < len(nodes) else None
            if (n[0] == 'rep' and nxt is not None and nxt[0] == 'char' and not flags & _I):
                # A repetition followed by a literal: backtracking only stops where it is.
                parts.append(_compile_rep(n, flags, nxt[1]))
            else:
                parts.append(_compile(n, flags))
        if not parts:
            return lambda ctx, pos, k: k(pos)
        if len(parts) == 1:
            return parts[0]
        # fold literal runs into string comparisons where case matters
        def chain(i):
            if i == len(parts) - 1:
                return parts[i]
            first = parts[i]
            rest = chain(i + 1)

            def m_seq(ctx, pos, k):
                return first(ctx, pos, lambda p: rest(ctx, p, k))
            return m_seq
        return chain(0)
    if kind == 'alt':
        branches = [_compile(n, flags) for n in node[1]]

        def m_alt(ctx, pos, k):
            for b in branches:
                r = b(ctx, pos, k)
                if r is not None:
                    return r
            return None
        return m_alt
    if kind == 'group':
        index = node[1]
        inner = _compile(node[2], flags)

        def m_group(ctx, pos, k):
            groups = ctx.groups
            old_start = groups[2 * index]
            old_end = groups[2 * index + 1]
            old_last = ctx.lastindex

            def after(p):
                s0 = groups[2 * index]
                e0 = groups[2 * index + 1]
                l0 = ctx.lastindex
                groups[2 * index] = pos
                groups[2 * index + 1] = p
                ctx.lastindex = index
                r = k(p)
                if r is None:
                    groups[2 * index] = s0
                    groups[2 * index + 1] = e0
                    ctx.lastindex = l0
                return r
            r = inner(ctx, pos, after)
            if r is None:
                groups[2 * index] = old_start
                groups[2 * index + 1] = old_end
                ctx.lastindex = old_last
            return r
        return m_group
    if kind == 'bol':
        if flags & _M:
            def m_bol(ctx, pos, k):
                if pos == 0 or ctx.s[pos - 1] == '\n':
                    return k(pos)
                return None
        else:
            def m_bol(ctx, pos, k):
                if pos == 0:
                    return k(pos)
                return None
        return m_bol
    if kind == 'eol':
        if flags & _M:
            def m_eol(ctx, pos, k):
                if pos == ctx.end or ctx.s[pos] == '\n':
                    return k(pos)
                return None
        else:
            def m_eol(ctx, pos, k):
                end = ctx.end
                if pos == end or (pos == end - 1 and ctx.s[pos] == '\n'):
                    return k(pos)
                return None
        return m_eol
    if kind == 'bos':
        def m_bos(ctx, pos, k):
            if pos == 0:
                return k(pos)
            return None
        return m_bos
    if kind == 'eos':
        def m_eos(ctx, pos, k):
            if pos == ctx.end:
                return k(pos)
            return None
        return m_eos
    if kind == 'boundary':
        want = node[1]
        ascii = bool(flags & _A)

        def m_boundary(ctx, pos, k):
            s = ctx.s
            before = pos > 0 and _is_word(s[pos - 1], ascii)
            after = pos < ctx.end and _is_word(s[pos], ascii)
            if ctx.end == 0:
                at = False
            else:
                at = before != after
            if at == want:
                return k(pos)
            return None
        return m_boundary
    if kind == 'backref':
        index = node[1]
        icase = bool(flags & _I)

        def m_backref(ctx, pos, k):
            gs = ctx.groups[2 * index]
            ge = ctx.groups[2 * index + 1]
            if gs < 0 or ge < 0:
                return None
            text = ctx.s[gs:ge]
            n = len(text)
            if pos + n > ctx.end:
                return None
            here = ctx.s[pos:pos + n]
            if here == text or (icase and here.lower() == text.lower()):
                return k(pos + n)
            return None
        return m_backref
    if kind == 'look':
        inner = _compile(node[1], flags)
        behind = node[2]
        negate = node[3]
        if behind:
            lo, hi = _width(node[1])
            if hi is None or lo != hi:
                raise error('look-behind requires fixed-width pattern')
            width = lo

            def m_lookbehind(ctx, pos, k):
                start = pos - width
                ok = False
                if start >= 0:
                    saved_end = ctx.end
                    ok = inner(ctx, start, lambda p: True if p == pos else None) is not None
                    ctx.end = saved_end
                if ok != negate:
                    return k(pos)
                return None
            return m_lookbehind

        def m_lookahead(ctx, pos, k):
            if negate:
                saved = list(ctx.groups)
                ok = inner(ctx, pos, lambda p: True) is not None
                ctx.groups[:] = saved
                if ok:
                    return None
                return k(pos)
            # a positive lookahead keeps its captures (no backtracking into it)
            snapshot = []

            def done(p):
                snapshot.append(list(ctx.groups))
                return True
            saved = list(ctx.groups)
            if inner(ctx, pos, done) is None:
                return None
            ctx.groups[:] = snapshot[0]
            r = k(pos)
            if r is None:
                ctx.groups[:] = saved
            return r
        return m_lookahead
    if kind == 'atomic':
        inner = _compile(node[1], flags)
        return _atomic(inner)
    if kind == 'flags':
        on, off, sub = node[1], node[2], node[3]
        return _compile(sub, (flags | on) & ~off)
    if kind == 'cond':
        index = node[1]
        yes = _compile(node[2], flags)
        no = _compile(node[3], flags)

        def m_cond(ctx, pos, k):
            if ctx.groups[2 * index + 1] >= 0:
                return yes(ctx, pos, k)
            return no(ctx, pos, k)
        return m_cond
    if kind == 'rep':
        return _compile_rep(node, flags)
    if kind == 'empty':
        return lambda ctx, pos, k: k(pos)
    raise error('internal error: unknown node %r' % (kind,))


def _atomic(inner):
    def m_atomic(ctx, pos, k):
        snapshot = []

        def done(p):
            snapshot.append((p, list(ctx.groups), ctx.lastindex))
            return True
        saved = list(ctx.groups)
        saved_last = ctx.lastindex
        if inner(ctx, pos, done) is None:
            return None
        p, groups, last = snapshot[0]
        ctx.groups[:] = groups
        ctx.lastindex = last
        r = k(p)
        if r is None:
            ctx.groups[:] = saved
            ctx.lastindex = saved_last
        return r
    return m_atomic


def _compile_rep(node, flags, next_literal=None):
    sub, lo, hi, mode = node[1], node[2], node[3], node[4]
    pred = _single_char_pred(sub, flags)
    if pred is not None and next_literal is not None and mode == 'greedy':
        # The match continues with next_literal at the position the repetition stops, so only
        # positions holding it are tried; when the repetition cannot consume that character,
        # the one place is where the greedy run ended.
        lit = next_literal
        lit_in_run = pred(lit)

        def m_rep_greedy_lit(ctx, pos, k):
            s = ctx.s
            end = ctx.end
            limit = end if hi >= end - pos else pos + hi
            p = pos
            while p < limit and pred(s[p]):
                p += 1
            stop = pos + lo
            if p < stop:
                return None
            if not lit_in_run:
                if p < end and s[p] == lit:
                    return k(p)
                return None
            while p >= stop:
                if p < end and s[p] == lit:
                    r = k(p)
                    if r is not None:
                        return r
                p -= 1
            return None
        return m_rep_greedy_lit
    if pred is not None:
        if mode == 'lazy':
            def m_rep_lazy1(ctx, pos, k):
                s = ctx.s
                end = ctx.end
                i = 0
                p = pos
                while i < lo:
                    if p < end and pred(s[p]):
                        p += 1
                        i += 1
                    else:
                        return None
                while True:
                    r = k(p)
                    if r is not None:
                        return r
                    if i >= hi or p >= end or not pred(s[p]):
                        return None
                    p += 1
                    i += 1
            return m_rep_lazy1

        def m_rep_greedy1(ctx, pos, k):
            s = ctx.s
            end = ctx.end
            limit = end if hi >= end - pos else pos + hi
            p = pos
            while p < limit and pred(s[p]):
                p += 1
            if p - pos < lo:
                return None
            if mode == 'possessive':
                return k(p)
            stop = pos + lo
            while p >= stop:
                r = k(p)
                if r is not None:
                    return r
                p -= 1
            return None
        return m_rep_greedy1

    inner = _compile(sub, flags)

    if mode == 'lazy':
        def m_rep_lazy(ctx, pos, k):
            def attempt(count, p):
                if count >= lo:
                    r = k(p)
                    if r is not None:
                        return r
                if count >= hi:
                    return None

                def again(q):
                    if q == p and count + 1 >= lo:
                        # an empty iteration ends the loop
                        return k(q)
                    return attempt(count + 1, q)
                return inner(ctx, p, again)
            return attempt(0, pos)
        return m_rep_lazy

    def m_rep_greedy(ctx, pos, k):
        def attempt(count, p):
            if count < hi:
                def again(q):
                    if q == p and count + 1 >= lo:
                        # an empty iteration ends the loop
                        return k(q)
                    return attempt(count + 1, q)
                r = inner(ctx, p, again)
                if r is not None:
                    return r
            if count >= lo:
                return k(p)
            return None
        return attempt(0, pos)
    if mode == 'possessive':
        return _atomic(m_rep_greedy)
    return m_rep_greedy


# ---------------------------------------------------------------------------
# Pattern and Match objects

def _flags_repr(flags, is_bytes):
    if not is_bytes:
        flags &= ~_U
    if not flags:
        return None
    names = []
    for name, value in (('TEMPLATE', 1), ('IGNORECASE', 2), ('LOCALE', 4), ('MULTILINE', 8),
                        ('DOTALL', 16), ('UNICODE', 32), ('VERBOSE', 64), ('DEBUG', 128),
                        ('ASCII', 256)):
        if flags & value:
            names.append('re.' + name)
            flags &= ~value
    if flags:
        names.append(hex(flags))
    return '|'.join(names)


class Pattern:
    """Compiled regular expression object."""

    def __init__(self, pattern, flags, tree, groups, groupindex, is_bytes):
        self.pattern = pattern
        self.flags = flags
        self.groups = groups - 1
        self._groupindex = dict(groupindex)
        self._is_bytes = is_bytes
        self._tree = tree
        self._matcher = _compile(tree, flags)
        self._prefix = None
        # Where a search may start: at the literal prefix every match begins with (found with
        # str.find), else at a character the first test accepts; other places cannot match.
        search_flags = flags | _A if is_bytes else flags
        self._search_prefix = _literal_prefix(tree, search_flags)
        self._search_first = None if self._search_prefix else _first_pred(tree, search_flags)

    @property
    def groupindex(self):
        import types
        return types.MappingProxyType(self._groupindex)

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        fr = _flags_repr(self.flags, self._is_bytes)
        if fr is None:
            return 're.compile(%s)' % (text,)
        return 're.compile(%s, %s)' % (text, fr)

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return _compile_pattern, (self.pattern, self.flags)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def _text(self, string):
        if self._is_bytes:
            if isinstance(string, str):
                raise TypeError('cannot use a bytes pattern on a string-like object')
            try:
                return bytes(string).decode('latin-1')
            except TypeError:
                raise TypeError('expected string or bytes-like object, got %r'
                                % (type(string).__name__,)) from None
        if not isinstance(string, str):
            if isinstance(string, (bytes, bytearray, memoryview)):
                raise TypeError('cannot use a string pattern on a bytes-like object')
            raise TypeError('expected string or bytes-like object, got %r'
                            % (type(string).__name__,))
        return string

    def _run(self, text, pos, endpos, anchored, full, must_advance=False):
        n = len(text)
        if pos < 0:
            pos = 0
        if pos > n:
            pos = n
        if endpos is None or endpos > n:
            endpos = n
        if endpos < 0:
            endpos = 0
        if endpos < pos:
            return None
        ctx = _Ctx()
        ctx.s = text
        ctx.end = endpos
        ngroups = self.groups + 1
        matcher = self._matcher
        start = pos
        prefix = None if anchored else self._search_prefix
        first = None if anchored else self._search_first
        # The continuation after a whole match: any end will do, unless the match must fill
        # the text (fullmatch) or must not be empty at the first position (after an empty match).
        def k_any(p):
            return p
        nslots = 2 * ngroups
        while True:
            if prefix:
                start = text.find(prefix, start, endpos)
                if start < 0:
                    return None
            elif first is not None:
                while start < endpos and not first(text[start]):
                    start += 1
                if start >= endpos:
                    return None
            ctx.groups = [-1] * nslots
            ctx.lastindex = None
            ctx.start = start
            adv = must_advance and start == pos
            if full or adv:
                def k(p, start=start, adv=adv):
                    if full and p != endpos:
                        return None
                    if adv and p == start:
                        return None
                    return p
            else:
                k = k_any
            try:
                r = matcher(ctx, start, k)
            except RecursionError:
                raise RecursionError('maximum recursion depth exceeded in the regular '
                                     'expression matcher') from None
            if r is not None:
                ctx.groups[0] = start
                ctx.groups[1] = r
                return Match(self, text, pos, endpos, ctx.groups, ctx.lastindex)
            if anchored or start >= endpos:
                return None
            start += 1

    def match(self, string, pos=0, endpos=None):
        return _wrap(self._run(self._text(string), pos, endpos, True, False), string)

    def fullmatch(self, string, pos=0, endpos=None):
        return _wrap(self._run(self._text(string), pos, endpos, True, True), string)

    def search(self, string, pos=0, endpos=None):
        return _wrap(self._run(self._text(string), pos, endpos, False, False), string)

    def _iter(self, string, pos=0, endpos=None):
        text = self._text(string)
        n = len(text)
        if endpos is None or endpos > n:
            endpos = n
        must_advance = False
        while pos <= endpos:
            m = self._run(text, pos, endpos, False, False, must_advance)
            if m is None:
                return
            m._original = string
            yield m
            s, e = m.span()
            must_advance = (e == s)
            pos = e

    def finditer(self, string, pos=0, endpos=None):
        return self._iter(string, pos, endpos)

    def findall(self, string, pos=0, endpos=None):
        result = []
        for m in self._iter(string, pos, endpos):
            if self.groups == 0:
                result.append(m.group(0))
            elif self.groups == 1:
                result.append(m.group(1) if m.group(1) is not None else m._empty())
            else:
                result.append(tuple(g if g is not None else m._empty() for g in m.groups()))
        return result

    def split(self, string, maxsplit=0):
        text = self._text(string)
        result = []
        last = 0
        count = 0
        for m in self._iter(string):
            if maxsplit and count >= maxsplit:
                break
            s, e = m.span()
            result.append(_conv(text[last:s], self._is_bytes, string))
            result.extend(m.groups())
            last = e
            count += 1
        result.append(_conv(text[last:], self._is_bytes, string))
        return result

    def subn(self, repl, string, count=0):
        text = self._text(string)
        if callable(repl):
            func = repl
        else:
            template = _parse_template(repl, self)
            if len(template) == 1 and isinstance(template[0], str):
                literal = template[0]
                func = None
            else:
                func = lambda m: _expand(template, m)
                literal = None
        pieces = []
        last = 0
        n = 0
        for m in self._iter(string):
            if count and n >= count:
                break
            s, e = m.span()
            pieces.append(text[last:s])
            if func is None:
                pieces.append(literal)
            else:
                r = func(m)
                if self._is_bytes:
                    if not isinstance(r, (bytes, bytearray)):
                        raise TypeError('expected a bytes-like object, %s found'
                                        % type(r).__name__)
                    r = bytes(r).decode('latin-1')
                elif not isinstance(r, str):
                    raise TypeError('expected str instance, %s found' % type(r).__name__)
                pieces.append(r)
            last = e
            n += 1
        pieces.append(text[last:])
        out = ''.join(pieces)
        if self._is_bytes:
            out = out.encode('latin-1')
        return out, n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        return _Scanner(self, string, pos, endpos)


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._it = pattern._iter(string, pos, endpos)

    def search(self):
        return next(self._it, None)

    def match(self):
        return next(self._it, None)


def _conv(text, is_bytes, original):
    if is_bytes:
        return text.encode('latin-1')
    return text


def _wrap(m, original):
    if m is not None:
        m._original = original
    return m


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, text, pos, endpos, groups, lastindex):
        self.re = pattern
        self._text = text
        self.pos = pos
        self.endpos = endpos
        self._groups = groups
        self.lastindex = lastindex
        self._original = text

    @property
    def string(self):
        return self._original

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, index in self.re._groupindex.items():
            if index == self.lastindex:
                return name
        return None

    @property
    def regs(self):
        return tuple((self._groups[2 * i], self._groups[2 * i + 1])
                     for i in range(self.re.groups + 1))

    def _index(self, g):
        if isinstance(g, int) or hasattr(g, '__index__') and not isinstance(g, (str, bytes)):
            try:
                i = g.__index__()
            except AttributeError:
                raise IndexError('no such group')
            if 0 <= i <= self.re.groups:
                return i
            raise IndexError('no such group')
        if isinstance(g, str) and g in self.re._groupindex:
            return self.re._groupindex[g]
        raise IndexError('no such group')

    def _empty(self):
        return b'' if self.re._is_bytes else ''

    def _get(self, i, default=None):
        s = self._groups[2 * i]
        e = self._groups[2 * i + 1]
        if s < 0 or e < 0:
            return default
        text = self._text[s:e]
        if self.re._is_bytes:
            text = text.encode('latin-1')
        return text

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple(self._get(self._index(a)) for a in args)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re._groupindex.items()}

    def start(self, group=0):
        return self._groups[2 * self._index(group)]

    def end(self, group=0):
        return self._groups[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return self._groups[2 * i], self._groups[2 * i + 1]

    def expand(self, template):
        return _expand(_parse_template(template, self.re), self)

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group(0))

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def _parse_template(repl, pattern):
    """Split a replacement template into literal strings and group indexes."""
    is_bytes = pattern._is_bytes
    if is_bytes:
        if not isinstance(repl, (bytes, bytearray)):
            raise TypeError('expected a bytes-like object, %s found' % type(repl).__name__)
        src = bytes(repl).decode('latin-1')
    else:
        if not isinstance(repl, str):
            raise TypeError('expected str instance, %s found' % type(repl).__name__)
        src = repl
    items = []
    literal = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        here = i
        i += 1
        if i >= n:
            raise error('bad escape (end of pattern)', repl, here)
        c = src[i]
        i += 1
        if c == 'g':
            if i >= n or src[i] != '<':
                raise error('missing <', repl, i)
            close = src.find('>', i + 1)
            if close < 0:
                raise error('missing >, unterminated name', repl, i + 1)
            name = src[i + 1:close]
            if not name:
                raise error('missing group name', repl, i + 1)
            if name.isdigit() and name.isascii():
                index = int(name)
                if index > pattern.groups:
                    raise error('invalid group reference %d' % index, repl, i + 1)
            elif name.isidentifier():
                if name not in pattern._groupindex:
                    raise IndexError('unknown group name %r' % (name,))
                index = pattern._groupindex[name]
            else:
                raise error('bad character in group name %r' % (name,), repl, i + 1)
            i = close + 1
            items.append(''.join(literal))
            literal = []
            items.append(index)
        elif c == '0':
            digits = ''
            while len(digits) < 2 and i < n and src[i] in '01234567':
                digits += src[i]
                i += 1
            literal.append(chr(int('0' + digits, 8)))
        elif c in '123456789':
            digits = c
            if i < n and src[i] in _ASCII_DIGITS:
                if (c in '01234567' and src[i] in '01234567' and i + 1 < n
                        and src[i + 1] in '01234567'):
                    v = int(c + src[i] + src[i + 1], 8)
                    if v > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377'
                                    % (c + src[i] + src[i + 1]), repl, here)
                    literal.append(chr(v))
                    i += 2
                    continue
                digits += src[i]
                i += 1
            index = int(digits)
            if index > pattern.groups:
                raise error('invalid group reference %d' % index, repl, here + 1)
            items.append(''.join(literal))
            literal = []
            items.append(index)
        else:
            simple = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a',
                      'b': '\b', '\\': '\\'}
            if c in simple:
                literal.append(simple[c])
            elif c.isascii() and c.isalpha():
                raise error('bad escape \\' + c, repl, here)
            else:
                literal.append('\\' + c)
    items.append(''.join(literal))
    items = [x for x in items if x != '']
    if not items:
        items = ['']
    return items


def _expand(template, m):
    out = []
    for item in template:
        if isinstance(item, str):
            out.append(item)
        else:
            s = m._groups[2 * item]
            e = m._groups[2 * item + 1]
            if s >= 0 and e >= 0:
                out.append(m._text[s:e])
    result = ''.join(out)
    if m.re._is_bytes:
        return result.encode('latin-1')
    return result


# ---------------------------------------------------------------------------
# Module-level functions

_cache = {}
_MAXCACHE = 512


def _compile_pattern(pattern, flags=0):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except (KeyError, TypeError):
        pass
    if isinstance(pattern, str):
        is_bytes = False
        text = pattern
    elif isinstance(pattern, (bytes, bytearray)):
        is_bytes = True
        text = bytes(pattern).decode('latin-1')
    else:
        raise TypeError('first argument must be string or compiled pattern')
    parser = _Parser(text, flags, is_bytes)
    parser.pattern = pattern
    tree = parser.parse()
    flags = parser.flags
    if is_bytes:
        if flags & _U:
            raise ValueError('cannot use UNICODE flag with a bytes pattern')
        if flags & _A and False:
            pass
    else:
        if flags & _L:
            raise ValueError('cannot use LOCALE flag with a str pattern')
        if flags & _A and flags & _U:
            raise ValueError('ASCII and UNICODE flags are incompatible')
        if not flags & _A:
            flags |= _U
    if is_bytes:
        flags |= _A if False else 0
    p = Pattern(pattern, flags, tree, parser.groups, parser.groupdict, is_bytes)
    if is_bytes:
        p._matcher = _compile(tree, flags | _A)
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    try:
        _cache[key] = p
    except TypeError:
        pass
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile_pattern(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string."""
    return _compile_pattern(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string."""
    return _compile_pattern(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern."""
    return _compile_pattern(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost non-overlapping occurrences."""
    return _compile_pattern(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Like sub(), but return a tuple (new_string, number_of_subs_made)."""
    return _compile_pattern(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern."""
    return _compile_pattern(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile_pattern(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile_pattern(pattern, flags).finditer(string)


def purge():
    """Clear the regular expression cache."""
    _cache.clear()


def template(pattern, flags=0):
    return _compile_pattern(pattern, flags | _T)


_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_special_chars_map).encode('latin1')


try:
    import copyreg as _copyreg
    _copyreg.pickle(Pattern, Pattern.__reduce__)
except Exception:     # (copyreg needs int | str)
    pass
