# finalize_modules as 3.11 runs it: sys.path/argv become None, the standard streams are the
# original ones again, modules leave sys.modules, __main__'s dict goes (values released in
# insertion order), cycles are collected with their globals intact, and only modules still
# alive have their dicts wiped.
import sys, io, weakref
class Late:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name, sys.path, sys.argv, sys.stdout is sys.__stdout__, type(helper).__name__)
def helper():
    pass
first = Late('first')
cyc = Late('cycle'); cyc.me = cyc
second = Late('second')
class Holder:
    def __del__(self):
        print('holder', type(self.mod).__name__, sorted(k for k in vars(self.mod) if not k.startswith('__'))[:3])
h = Holder()
h.mod = sys.modules[__name__]
h.me = h
sys.stdout = io.StringIO()
print('swallowed')
