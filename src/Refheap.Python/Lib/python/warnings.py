# A small warnings module for Refheap: warn(), filters ('default', 'ignore', 'error',
# 'always', 'once', 'module'), catch_warnings(record=True) and CPython's message format.
import sys

filters = []
_onceregistry = {}
_shown = set()


class WarningMessage:
    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, line : %r}'
                % (self.message, self.category.__name__, self.filename, self.lineno, self.line))


def _getline(filename, lineno):
    try:
        with open(filename) as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line
    except Exception:
        return None
    return None


def formatwarning(message, category, filename, lineno, line=None):
    s = '%s:%s: %s: %s\n' % (filename, lineno, category.__name__, message)
    if line is None:
        line = _getline(filename, lineno)
    if line:
        s += '  %s\n' % line.strip()
    return s


def showwarning(message, category, filename, lineno, file=None, line=None):
    if file is None:
        file = sys.stderr
    file.write(formatwarning(message, category, filename, lineno, line))


def simplefilter(action, category=Warning, lineno=0, append=False):
    item = (action, None, category, None, lineno)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)


def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    item = (action, message, category, module, lineno)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)


def resetwarnings():
    filters[:] = []


def _action_for(category, text):
    for action, msg, cat, mod, ln in filters:
        if issubclass(category, cat) and (not msg or text.startswith(msg)):
            return action
    if issubclass(category, (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)):
        return 'ignore'
    return 'default'


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    frame = sys._getframe(stacklevel)
    filename = frame.f_code.co_filename
    lineno = frame.f_lineno
    text = str(message)
    action = _action_for(category, text)
    if action == 'ignore':
        return
    if action == 'error':
        raise message if isinstance(message, Warning) else category(message)
    key = (text, category, lineno) if action != 'once' else (text, category)
    if action in ('default', 'once', 'module'):
        if key in _shown:
            return
        _shown.add(key)
    if not isinstance(message, Warning):
        message = category(message)
    showwarning(message, category, filename, lineno)


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None):
    showwarning(message, category, filename, lineno)


class catch_warnings:
    def __init__(self, *, record=False, module=None):
        self._record = record
        self._entered = False

    def __enter__(self):
        global showwarning
        self._entered = True
        self._filters = filters[:]
        self._showwarning = showwarning
        self._shown = set(_shown)
        _shown.clear()
        if self._record:
            log = []

            def record(message, category, filename, lineno, file=None, line=None):
                log.append(WarningMessage(message, category, filename, lineno, file, line))
            showwarning = record
            return log
        return None

    def __exit__(self, *exc_info):
        global showwarning
        filters[:] = self._filters
        showwarning = self._showwarning
        _shown.clear()
        _shown.update(self._shown)
