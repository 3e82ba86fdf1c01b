class Spawner:
    def __init__(self, depth):
        self.depth = depth
    def __del__(self):
        print('del depth', self.depth)
        if self.depth < 3:
            Spawner(self.depth + 1)
Spawner(0)
print('end')
