# Seed 004: a local in a function that has not returned is still alive; del releases it.
class Big:
    def __del__(self):
        print('Big freed')
def long_running():
    data = Big()
    print('working with data')
    del data
    print('still running after del')
    other = Big()
    print('returning')
long_running()
print('end')
