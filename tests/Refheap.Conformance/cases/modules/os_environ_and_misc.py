import os
print(os.environ.get('PYTHONHASHSEED'), os.environ.get('REFHEAP_NOT_SET', 'unset'))
print(os.name, type(os.getpid()).__name__, os.linesep == '\n')
print(os.fspath('p'), os.path.expanduser('plain'), os.devnull)
