import gc
class N:
    def __del__(self):
        print('cycle member finalized at exit')
n = N()
n.me = n
del n
gc.disable()
print('end of script')
