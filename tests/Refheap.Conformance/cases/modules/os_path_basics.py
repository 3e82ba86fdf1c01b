import os
import os.path
print(os.path.join('a', 'b', 'c.txt'), os.path.join('/srv', 'x'), os.path.join('a', '/abs'))
print(os.path.basename('/x/y/z.py'), os.path.dirname('/x/y/z.py'), os.path.split('/x/y'), os.path.splitext('arch.tar.gz'))
print(os.path.normpath('a/./b/../c'), os.path.isabs('/a'), os.path.isabs('a'), os.sep, os.extsep, os.path.splitext('noext'))
here = os.path.dirname(os.path.abspath(__file__))
print(os.path.basename(here), os.path.exists(__file__), os.path.isfile(__file__), os.path.isdir(here))
print(os.path.exists(os.path.join(here, 'no-such-file')), os.path.basename(__file__))
print(os.path.basename(os.getcwd()))
print(sorted(n for n in os.listdir(here) if n.startswith('os_path_basics')))
