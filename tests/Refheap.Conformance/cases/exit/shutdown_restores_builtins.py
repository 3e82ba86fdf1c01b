# finalize_restore_builtins: what a script added to builtins is released at shutdown while builtins is whole again; sys.modules entries that are not modules become None; finalizers that raise at shutdown are reported.
import sys, gc, weakref
class D:
    def __del__(self):
        print('D del', __name__, file=sys.__stderr__)
        raise ValueError('in del at shutdown')
d = D()
sys.modules['fake'] = d
import builtins
builtins.keepme = D()
class W: pass
w = W()
r = weakref.ref(w, lambda r: print('weak cb', file=sys.__stderr__))
#
def f(): 1/0
try: f()
except ZeroDivisionError: pass
print('end')
