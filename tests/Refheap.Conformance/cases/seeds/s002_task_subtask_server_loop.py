# Seed 002: the server's request loop with both Subtask versions, automatic collections counted.
import gc
import weakref
class Task:
    def __init__(self, name, weak):
        self.name = name
        self.subtasks = {}
        self.weak = weak
    def add(self, name):
        self.subtasks[name] = Subtask(name, self)
class Subtask:
    def __init__(self, name, task):
        self.name = name
        self.task = weakref.ref(task) if task.weak else task
def serve(weak):
    gc.collect()
    collections = []
    gc.callbacks.append(lambda ph, info: collections.append(info['collected']) if ph == 'stop' else None)
    tasks = {}
    for request in range(3000):
        tid = request % 50
        if request % 7 == 0:
            tasks.pop(tid, None)
        else:
            tasks.setdefault(tid, Task(tid, weak)).add('s%d' % request)
    gc.callbacks.clear()
    return len(collections), sum(collections)
print('strong', serve(False))
print('weak', serve(True))
