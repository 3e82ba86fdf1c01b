# The io module for Refheap: StringIO, BytesIO and open() for text and binary files. A file's
# contents are read when it is opened and written back on flush and close.
import _refheap_io

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    closed = False

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _checkClosed(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._checkClosed()

    def close(self):
        if not self.closed:
            try:
                self.flush()
            finally:
                self.closed = True

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return True

    def isatty(self):
        return False


class _BufferIO(IOBase):
    """The shared body of StringIO and BytesIO: a buffer and a position."""

    _empty = ''

    def __init__(self, initial=None):
        self._buf = self._empty if initial is None else initial
        # Writes at the end are kept in _pending and joined into _buf when it is next read,
        # so a run of writes costs linear time, not a copy of the whole buffer per write.
        self._pending = None
        self._end = len(self._buf)
        self._pos = 0
        self.closed = False

    def _sync(self):
        if self._pending:
            self._pending.insert(0, self._buf)
            self._buf = self._buf[:0].join(self._pending)
        self._pending = None

    def getvalue(self):
        self._checkClosed()
        self._sync()
        return self._buf

    def read(self, size=-1):
        self._checkClosed()
        self._sync()
        if size is None or size < 0:
            r = self._buf[self._pos:]
        else:
            r = self._buf[self._pos:self._pos + size]
        self._pos += len(r)
        return r

    def readline(self, size=-1):
        self._checkClosed()
        self._sync()
        nl = '\n' if isinstance(self._buf, str) else b'\n'
        i = self._buf.find(nl, self._pos)
        end = len(self._buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        r = self._buf[self._pos:end]
        self._pos = end
        return r

    def write(self, s):
        self._checkClosed()
        if isinstance(self._buf, str) and not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        n = len(s)
        if self._pos == self._end and n:
            if self._pending is None:
                self._pending = [s]
            else:
                self._pending.append(s)
            self._end += n
            self._pos += n
            return n
        self._sync()
        if self._pos > len(self._buf):
            self._buf += (' ' if isinstance(self._buf, str) else b'\0') * (self._pos - len(self._buf))
        self._buf = self._buf[:self._pos] + s + self._buf[self._pos + len(s):]
        self._end = len(self._buf)
        self._pos += len(s)
        return len(s)

    def seek(self, pos, whence=0):
        self._checkClosed()
        if whence == 1:
            pos += self._pos
        elif whence == 2:
            pos += self._end
        if pos < 0:
            raise ValueError('negative seek value %d' % pos)
        self._pos = pos
        return pos

    def tell(self):
        self._checkClosed()
        return self._pos

    def truncate(self, size=None):
        self._checkClosed()
        if size is None:
            size = self._pos
        self._sync()
        self._buf = self._buf[:size]
        self._end = len(self._buf)
        return size

    def readable(self):
        return True

    def writable(self):
        return True


class StringIO(_BufferIO):
    _empty = ''

    def _checkClosed(self):
        if self.closed:
            raise ValueError('I/O operation on closed file')

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s' % type(initial_value).__name__)
        super().__init__(initial_value or '')


class BytesIO(_BufferIO):
    _empty = b''

    def __init__(self, initial_bytes=b''):
        super().__init__(bytes(initial_bytes))

    def getbuffer(self):
        self._sync()
        return memoryview(self._buf if isinstance(self._buf, bytearray) else bytearray(self._buf))


class _File(_BufferIO):
    """A file opened with open(): the whole file is in memory; writes go back on flush/close.
    A file opened only to write ('w' or 'x', no '+') streams instead: once its buffer holds
    _SPILL characters written at the end, they are appended to the file and dropped, so
    writing a large file does not hold it, joined and encoded, in memory (CPython's buffered
    writer holds 8 KiB). _flushed counts what went out; a seek or truncate reads it back."""

    _SPILL = 1 << 16

    def __init__(self, name, mode, binary, encoding, errors=None, newline=None):
        self._stream = '+' not in mode and ('w' in mode or 'x' in mode)
        self._flushed = 0
        self.name = name
        self.mode = mode
        self._binary = binary
        self.encoding = None if binary else (encoding or 'UTF-8')
        self.errors = None if binary else (errors or 'strict')
        self._newline = newline
        self._decode_error = None
        if not binary:
            ''.encode(self.encoding)   # LookupError for an unknown encoding, as open() gives
        self._readable = 'r' in mode or '+' in mode
        self._writable = 'w' in mode or 'a' in mode or 'x' in mode or '+' in mode
        self._dirty = False
        if 'x' in mode and _refheap_io.file_exists(name):
            raise FileExistsError(17, 'File exists', name)
        if 'r' in mode:
            data = _refheap_io.read_file(name)
        elif 'a' in mode and _refheap_io.file_exists(name):
            data = _refheap_io.read_file(name)
        else:
            data = b''
            _refheap_io.write_file(name, b'', False)
        if binary:
            super().__init__(data)
        else:
            try:
                text = self._decoded(data)
            except UnicodeDecodeError as e:
                # CPython decodes as it reads: the error comes from the first read.
                self._decode_error = e
                text = ''
            super().__init__(text)
        if 'a' in mode:
            self._pos = len(self._buf)

    def _check_decoded(self):
        if self._decode_error is not None:
            raise self._decode_error

    def read(self, size=-1):
        if not self._readable:
            raise UnsupportedOperation('not readable')
        self._check_decoded()
        return super().read(size)

    def readline(self, size=-1):
        if not self._readable:
            raise UnsupportedOperation('not readable')
        self._check_decoded()
        return super().readline(size)

    def _write_slow(self, s):
        # write() is native (NativeModules.TextFile.cs, below the class); it comes here for
        # anything but an exact str written at the end of an open text file.
        if not self._writable:
            raise UnsupportedOperation('not writable')
        if self._binary and isinstance(s, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if not self._binary and not isinstance(s, str):
            raise TypeError('write() argument must be str, not %s' % type(s).__name__)
        self._dirty = True
        n = super().write(s)
        if self._stream and self._end >= self._SPILL and self._pos == self._end:
            self._spill()
        return n

    def _spill(self):
        # The buffer (everything from _flushed on; all of the file while _flushed is 0) goes
        # to the file and is emptied.
        self._sync()
        data = self._encoded(self._buf, self._flushed == 0)
        _refheap_io.write_file(self.name, data, self._flushed > 0)
        self._flushed += len(self._buf)
        self._buf = self._buf[:0]
        self._pos = self._end = 0
        self._dirty = False

    def _unspill(self):
        # Back to the whole file in memory (before a seek or truncate).
        if self._flushed:
            pos = self._flushed + self._pos
            self._spill()
            data = _refheap_io.read_file(self.name)
            self._buf = data if self._binary else self._decoded(data)
            self._end = len(self._buf)
            self._pos = pos
            self._flushed = 0
            self._dirty = True
        self._stream = False

    def seek(self, pos, whence=0):
        self._checkClosed()
        self._unspill()
        return super().seek(pos, whence)

    def tell(self):
        self._checkClosed()
        return self._flushed + self._pos

    def truncate(self, size=None):
        self._checkClosed()
        self._unspill()
        return super().truncate(size)

    def flush(self):
        self._checkClosed()
        if self._dirty and self._flushed:
            self._spill()
        elif self._dirty:
            self._sync()
            _refheap_io.write_file(self.name, self._encoded(self._buf, True), False)
            self._dirty = False

    def _encoded(self, buf, at_start):
        # The bytes of buffered text: newline translation, then the encoding (a BOM-writing
        # codec writes its BOM only at the start of the file).
        if self._binary:
            return buf
        if self._newline not in (None, '', '\n'):
            buf = buf.replace('\n', self._newline)
        encoding = self.encoding
        if not at_start and encoding.lower().replace('_', '-') == 'utf-8-sig':
            encoding = 'utf-8'
        return buf.encode(encoding, self.errors)

    def _decoded(self, data):
        text = data.decode(self.encoding, self.errors)
        if self._newline is None:
            text = text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def readable(self):
        return self._readable

    def writable(self):
        return self._writable

    def fileno(self):
        return 3

    def __repr__(self):
        if self._binary:
            kind = '_io.BufferedReader' if 'r' in self.mode and '+' not in self.mode else '_io.BufferedWriter'
            return "<%s name=%r>" % (kind, self.name)
        return "<_io.TextIOWrapper name=%r mode=%r encoding=%r>" % (self.name, self.mode, self.encoding)


# Line iteration and write are C in CPython (_io.TextIOWrapper): native here, doing the plain
# case on the attributes above and calling readline() / _write_slow() for the rest.
_File.__next__ = _refheap_io._method(_File, '__next__')
_File.write = _refheap_io._method(_File, 'write')


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if not isinstance(mode, str):
        raise TypeError('open() argument 2 must be str, not %s' % type(mode).__name__)
    for c in mode:
        if c not in 'rwxabt+':
            raise ValueError('invalid mode: %r' % mode)
    if sum(c in mode for c in 'rwxa') != 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    binary = 'b' in mode
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if isinstance(file, int):
        raise NotImplementedError('open() of a file descriptor is not supported by Refheap')
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if newline is not None and newline not in ('', '\n', '\r', '\r\n'):
        raise ValueError('illegal newline value: %s' % (newline,))
    name = file if isinstance(file, str) else __import__('os').fspath(file)
    return _File(name, mode, binary, encoding, errors, newline)


class TextIOWrapper(IOBase):
    """Text over a binary buffer: writes are encoded and held until flush(); reads decode
    what the buffer has left."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False):
        self.buffer = buffer
        self.encoding = encoding or 'utf-8'
        self.errors = errors or 'strict'
        self.line_buffering = line_buffering
        self._pending = []
        self._decoded = ''
        self._eof = False

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not %s' % type(s).__name__)
        self._pending.append(s.encode(self.encoding, self.errors))
        if self.line_buffering and '\n' in s:
            self.flush()
        return len(s)

    def flush(self):
        self._checkClosed()
        if self._pending:
            data = b''.join(self._pending)
            self._pending = []
            self.buffer.write(data)
        self.buffer.flush()

    def _fill(self):
        self.flush()
        if not self._eof:
            self._decoded += self.buffer.read().decode(self.encoding, self.errors)
            self._eof = True

    def read(self, size=-1):
        self._fill()
        if size is None or size < 0:
            r, self._decoded = self._decoded, ''
        else:
            r, self._decoded = self._decoded[:size], self._decoded[size:]
        return r

    def readline(self, size=-1):
        self._fill()
        i = self._decoded.find('\n')
        end = len(self._decoded) if i < 0 else i + 1
        if size is not None and 0 <= size < end:
            end = size
        r, self._decoded = self._decoded[:end], self._decoded[end:]
        return r

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def detach(self):
        self.flush()
        buffer, self.buffer = self.buffer, None
        return buffer

    def close(self):
        if not self.closed:
            try:
                self.flush()
            finally:
                IOBase.close(self)
                self.buffer.close()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def __repr__(self):
        return "<_io.TextIOWrapper encoding='%s'>" % self.encoding


BufferedReader = _File
BufferedWriter = _File
FileIO = _File
