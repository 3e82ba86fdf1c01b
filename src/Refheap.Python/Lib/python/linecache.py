# linecache for Refheap: source lines of files, read once and kept until checkcache() or
# clearcache(). Written for this project; getline/getlines/clearcache/checkcache/lazycache as
# in CPython 3.11.
import os as _os

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    cache.clear()


def getline(filename, lineno, module_globals=None):
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    names = list(cache.keys()) if filename is None else ([filename] if filename in cache else [])
    for name in names:
        entry = cache[name]
        if len(entry) == 1:
            continue
        size, mtime, lines, fullname = entry
        if not _os.path.exists(fullname):
            cache.pop(name, None)


def updatecache(filename, module_globals=None):
    cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []
    fullname = filename
    if not _os.path.isabs(fullname):
        fullname = _os.path.join(_os.getcwd(), fullname)
    try:
        with open(fullname, encoding='utf-8', errors='replace') as f:
            lines = f.readlines()
    except (OSError, UnicodeDecodeError, SyntaxError):
        return []
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = (None, None, lines, fullname)
    return lines


def lazycache(filename, module_globals):
    return False
