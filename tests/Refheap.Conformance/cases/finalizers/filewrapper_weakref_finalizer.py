import functools
import os
import weakref
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'filewrapper_weakref_finalizer.tmp')
class FileWrapper:
    _weakrefs = set()
    @classmethod
    def _delegated_close(cls, file_object, w):
        print('closing, file was closed:', file_object.closed)
        file_object.close()
        cls._weakrefs.remove(w)
    def __init__(self, name, mode):
        self._f = open(name, mode)
        self._weakrefs.add(weakref.ref(self, functools.partial(self._delegated_close, self._f)))
w = FileWrapper(path, 'w')
f = w._f
print(len(FileWrapper._weakrefs))
del w
print(f.closed, len(FileWrapper._weakrefs))
os.remove(path)
