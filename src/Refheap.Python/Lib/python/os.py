# A small os module for Refheap scripts: paths, the environment, files and directories.
import sys
import _refheap_io
import posixpath as path

name = 'posix'
sep = path.sep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
altsep = path.altsep
pathsep = path.pathsep
linesep = '\n'
devnull = path.devnull
environ = _refheap_io.environ()
sys.modules['os.path'] = path


class PathLike:
    def __fspath__(self):
        raise NotImplementedError


def fspath(p):
    return path._fspath(p)


def getcwd():
    return _refheap_io.cwd()


def getenv(key, default=None):
    try:
        return environ[key]
    except KeyError:
        return default


def listdir(p='.'):
    return _refheap_io.listdir(fspath(p))


def remove(p):
    _refheap_io.remove(fspath(p))


unlink = remove


def mkdir(p, mode=0o777):
    _refheap_io.mkdir(fspath(p))


def makedirs(p, mode=0o777, exist_ok=False):
    p = fspath(p)
    head = path.dirname(p)
    if head and not path.exists(head):
        makedirs(head, mode, True)
    if path.isdir(p):
        if not exist_ok:
            raise FileExistsError(17, 'File exists', p)
        return
    mkdir(p)


def rmdir(p):
    _refheap_io.rmdir(fspath(p))


def getpid():
    return 4242


def cpu_count():
    return 2


def urandom(size):
    return _refheap_io.urandom(size.__index__())
