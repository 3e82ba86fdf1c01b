import gc
import weakref
class Task:
    def __init__(self, name):
        self.name = name
        self._subtasks = {}
    def add_subtask(self, name):
        self._subtasks[name] = Subtask(name, self)
    def __del__(self):
        print('Task deleted', self.name)
class Subtask:
    def __init__(self, name, task):
        self.name = name
        self._task = weakref.ref(task)
    def get_task(self):
        return self._task()
t = Task('t1')
for i in range(3):
    t.add_subtask('s%d' % i)
sub = t._subtasks['s1']
print(sub.get_task().name)
del t
print(sub.get_task())
print(gc.collect())
