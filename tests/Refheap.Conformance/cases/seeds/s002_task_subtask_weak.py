# Seed 002: Subtask version 2 holds a weakref: no cycle, refcounting frees everything.
import gc
import weakref
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
        self._task = weakref.ref(task)
    def get_task(self):
        return self._task()
gc.collect()
for i in range(10):
    t = Task('task%d' % i)
    for j in range(5):
        t.add_subtask('sub%d' % j)
print(t.get_subtask('sub3').get_task().name)
s = t.get_subtask('sub1')
del t
print(s.get_task())
print('collected', gc.collect())
