# Seed 002: the Task/Subtask server, Subtask version 1 (strong back-reference: a cycle
# per Task that only the cyclic GC frees).  Automatic collections, no gc calls.
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
def serve(requests):
    tasks = {}
    hits = 0
    for request in range(requests):
        tid = request % 500
        if request % 7 == 0:
            tasks.pop(tid, None)
        else:
            t = tasks.get(tid)
            if t is None:
                t = tasks[tid] = Task('task%d' % tid)
            t.add_subtask('sub%d' % (request % 40))
            s = t.get_subtask('sub%d' % (request % 13))
            if s is not None and s.get_task() is t:
                hits += 1
    return len(tasks), hits
print(serve(1_000_000))
