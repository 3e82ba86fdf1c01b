# Seed 004: closures bind the outer variables, keeping them alive.
class Payload:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('payload freed', self.n)
def make_handlers():
    handlers = []
    for i in range(3):
        payload = Payload(i)
        handlers.append(lambda: payload.n)
    return handlers
hs = make_handlers()
print([h() for h in hs])
del hs
print('end')
