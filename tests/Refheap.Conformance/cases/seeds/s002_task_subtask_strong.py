# Seed 002: Subtask version 1 keeps a strong reference to its Task: a cycle.
import gc
class Task:
    def __init__(self, name):
        self.name = name
        self._subtasks = {}
    def add_subtask(self, name):
        self._subtasks[name] = Subtask(name, self)
    def get_subtask(self, name):
        return self._subtasks.get(name, None)
class Subtask:
    def __init__(self, name, task):
        self.name = name
        self._task = task
    def get_task(self):
        return self._task
gc.collect()
gc.disable()
for i in range(10):
    t = Task('task%d' % i)
    for j in range(5):
        t.add_subtask('sub%d' % j)
del t
print(gc.get_count()[0] > 0)
print('collected', gc.collect())
gc.enable()
