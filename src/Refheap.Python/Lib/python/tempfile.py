# tempfile for Refheap: temporary files and directories with unpredictable names, written for
# this project on Refheap's io (files are held in memory and written back on flush/close).
# The public API follows CPython 3.11's; the differences are listed in docs/design/stdlib.md:
# mkstemp() raises NotImplementedError (there are no OS file descriptors), TemporaryFile() has
# a name in the temporary directory until it is closed, and names are str only.
import io as _io
import os as _os
import weakref as _weakref

__all__ = [
    "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory",
    "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir",
    "gettempprefixb", "gettempdirb",
]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_EEXIST = 17


def _random_name():
    # Eight characters drawn from the OS's random source, so that the random module's
    # (possibly seeded) sequence is left untouched.
    return "".join([_NAME_CHARS[b % len(_NAME_CHARS)] for b in _os.urandom(8)])


def _usable_dir(path):
    if not _os.path.isdir(path):
        return False
    probe = _os.path.join(path, "." + _random_name() + ".probe")
    try:
        with _io.open(probe, "xb"):
            pass
        _os.remove(probe)
        return True
    except OSError:
        return False


def _get_default_tempdir():
    candidates = []
    for var in ("TMPDIR", "TEMP", "TMP"):
        value = _os.getenv(var)
        if value:
            candidates.append(value)
    candidates.extend(["/tmp", "/var/tmp", "/usr/tmp"])
    try:
        candidates.append(_os.getcwd())
    except OSError:
        candidates.append(_os.curdir)
    for directory in candidates:
        if directory != _os.curdir:
            directory = _os.path.abspath(directory)
        if _usable_dir(directory):
            return directory
    raise FileNotFoundError(2, "No usable temporary directory found in %s" % candidates)


def gettempdir():
    """The directory temporary files go to by default (TMPDIR, TEMP, TMP, then /tmp ...)."""
    global tempdir
    if tempdir is None:
        tempdir = _get_default_tempdir()
    return tempdir


def gettempdirb():
    return _os.fsencode(gettempdir()) if hasattr(_os, "fsencode") else gettempdir().encode()


def gettempprefix():
    return template


def gettempprefixb():
    return template.encode()


def _sanitize(prefix, suffix, dir):
    for value in (prefix, suffix, dir):
        if isinstance(value, bytes):
            raise NotImplementedError("tempfile on Refheap takes str names only, not bytes")
    if suffix is None:
        suffix = ""
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return prefix, suffix, _os.fspath(dir)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Creates a new directory with a unique name and returns its absolute path."""
    prefix, suffix, dir = _sanitize(prefix, suffix, dir)
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + _random_name() + suffix)
        try:
            _os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(path)
    raise FileExistsError(_EEXIST, "No usable temporary directory name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    raise NotImplementedError(
        "tempfile.mkstemp() returns an OS file descriptor, which Refheap's io does not have; "
        "use NamedTemporaryFile(delete=False) or mkdtemp()")


def mktemp(suffix="", prefix=template, dir=None):
    """A name that did not exist when it was made (unsafe, as in CPython: prefer mkdtemp)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + _random_name() + suffix)
        if not _os.path.exists(path):
            return path
    raise FileExistsError(_EEXIST, "No usable temporary filename found")


def _create_file(mode, encoding, newline, errors, prefix, suffix, dir):
    prefix, suffix, dir = _sanitize(prefix, suffix, dir)
    binary = "b" in mode
    exclusive = mode.replace("w", "x") if "w" in mode else mode
    for _ in range(TMP_MAX):
        path = _os.path.abspath(_os.path.join(dir, prefix + _random_name() + suffix))
        try:
            if binary:
                f = _io.open(path, exclusive)
            else:
                f = _io.open(path, exclusive, encoding=encoding, newline=newline, errors=errors)
        except FileExistsError:
            continue
        return f, path
    raise FileExistsError(_EEXIST, "No usable temporary file name found")


class _TemporaryFileCloser:
    """Closes the file and, if asked, removes it: on close(), on exit, or when collected."""

    close_called = False

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete

    def close(self, unlink=_os.remove):
        if not self.close_called and self.file is not None:
            self.close_called = True
            try:
                self.file.close()
            finally:
                if self.delete:
                    try:
                        unlink(self.name)
                    except FileNotFoundError:
                        pass

    def __del__(self):
        self.close()


class _TemporaryFileWrapper:
    """The object NamedTemporaryFile returns: the file's methods plus .name and .delete."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closer = _TemporaryFileCloser(file, name, delete)

    def __getattr__(self, name):
        file = self.__dict__["file"]
        return getattr(file, name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self.close()
        return result

    def close(self):
        self._closer.close()

    def __iter__(self):
        for line in self.file:
            yield line

    def __repr__(self):
        return "<tempfile._TemporaryFileWrapper object at %#x>" % id(self)


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    """A file with a visible name in the temporary directory, removed on close if delete."""
    file, name = _create_file(mode, encoding, newline, errors, prefix, suffix, dir)
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                  prefix=None, dir=None, *, errors=None):
    """A file removed when closed (on Refheap it has a name until then)."""
    return NamedTemporaryFile(mode, buffering, encoding, newline, suffix, prefix, dir,
                              delete=True, errors=errors)


class SpooledTemporaryFile(_io.IOBase):
    """Kept in memory until it grows past max_size (or fileno()/rollover()), then a file."""

    _rolled = False

    def __init__(self, max_size=0, mode="w+b", buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        self._file = _io.BytesIO() if "b" in mode else _io.StringIO()
        self._max_size = max_size
        self._args = (mode, buffering, encoding, newline, suffix, prefix, dir, errors)

    def _check(self, file):
        if self._max_size and not self._rolled and file.tell() > self._max_size:
            self.rollover()

    def rollover(self):
        if self._rolled:
            return
        mode, buffering, encoding, newline, suffix, prefix, dir, errors = self._args
        new = TemporaryFile(mode, buffering, encoding, newline, suffix, prefix, dir, errors=errors)
        pos = self._file.tell()
        new.write(self._file.getvalue())
        new.seek(pos, 0)
        self._file = new
        self._rolled = True

    @property
    def closed(self):
        return self._file.closed

    @property
    def name(self):
        return self._file.name if self._rolled else None

    @property
    def mode(self):
        return self._file.mode if self._rolled else self._args[0]

    def write(self, s):
        n = self._file.write(s)
        self._check(self._file)
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, *args):
        return self._file.read(*args)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            return self._file.truncate()
        if size > self._max_size:
            self.rollover()
        return self._file.truncate(size)

    def flush(self):
        return self._file.flush()

    def close(self):
        self._file.close()

    def __iter__(self):
        return iter(self._file)

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()


def _rmtree(path):
    for entry in _os.listdir(path):
        full = _os.path.join(path, entry)
        if _os.path.isdir(full):
            _rmtree(full)
        else:
            _os.remove(full)
    _os.rmdir(path)


class TemporaryDirectory:
    """A directory removed, with everything in it, by cleanup(), on exit, or when collected."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._finalizer = _weakref.finalize(
            self, self._cleanup, self.name,
            warn_message="Implicitly cleaning up {!r}".format(self),
            ignore_errors=self._ignore_cleanup_errors)

    @classmethod
    def _cleanup(cls, name, warn_message, ignore_errors=False):
        cls._rmtree(name, ignore_errors)
        import warnings
        warnings.warn(warn_message, ResourceWarning)

    @classmethod
    def _rmtree(cls, name, ignore_errors=False):
        try:
            _rmtree(name)
        except OSError:
            if not ignore_errors:
                raise

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if self._finalizer.detach() or _os.path.exists(self.name):
            self._rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
