using System.Collections.Generic;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// The instance sizes of the builtin exceptions with extra fields (Include/cpython/pyerrors.h,
// 3.11): their attributes live in the instance dict here, but sys.getsizeof and __basicsize__
// report CPython's structs, and instances are allocated at that size.
internal sealed unsafe partial class Interpreter
{
    private static readonly Dictionary<string, int> s_exceptionExtraFields = new()
    {
        ["StopIteration"] = 1,          // value
        ["SystemExit"] = 1,             // code
        ["ImportError"] = 3,            // msg, name, path
        ["OSError"] = 5,                // myerrno, strerror, filename, filename2, written
        ["SyntaxError"] = 8,            // msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line
        ["UnicodeEncodeError"] = 5,     // encoding, object, start, end, reason
        ["UnicodeDecodeError"] = 5,
        ["UnicodeTranslateError"] = 5,
        ["AttributeError"] = 2,         // obj, name
        ["NameError"] = 1,              // name
        ["BaseExceptionGroup"] = 2,     // msg, excs
    };

    /// <summary>errnomap (Objects/exceptions.c, 3.11), Linux errno values: OSError(errno, ...) picks the subclass.</summary>
    private static readonly Dictionary<long, string> s_errnoSubclass = new()
    {
        [11] = "BlockingIOError", [114] = "BlockingIOError", [115] = "BlockingIOError",
        [10] = "ChildProcessError", [32] = "BrokenPipeError", [108] = "BrokenPipeError",
        [103] = "ConnectionAbortedError", [111] = "ConnectionRefusedError", [104] = "ConnectionResetError",
        [17] = "FileExistsError", [2] = "FileNotFoundError", [21] = "IsADirectoryError",
        [20] = "NotADirectoryError", [4] = "InterruptedError", [13] = "PermissionError",
        [1] = "PermissionError", [3] = "ProcessLookupError", [110] = "TimeoutError",
    };

    /// <summary>
    /// oserror_use_init / the errno map of OSError.__new__: OSError itself called with an errno
    /// and a message makes the matching subclass (OSError(2, 'x') is a FileNotFoundError).
    /// </summary>
    public PyTypeObject* OSErrorSubclassFor(PyTypeObject* type, PyObject** args, nint nargs)
    {
        if (type != OSErrorType || nargs < 2 || nargs > 5 || !PyRuntime.IsInt(args[0]))
        {
            return type;
        }

        System.Numerics.BigInteger errno = PyRuntime.IntToBigInteger(args[0]);
        return errno >= long.MinValue && errno <= long.MaxValue && s_errnoSubclass.TryGetValue((long)errno, out string? name)
            && _exceptionTypes.TryGetValue(name, out nint sub) ? (PyTypeObject*)sub : type;
    }

    /// <summary>Sets each builtin exception's basic size from the nearest class with extra fields.</summary>
    private void SetExceptionSizes()
    {
        PyRuntime rt = Rt;
        foreach (nint tp in _exceptionTypes.Values)
        {
            for (var t = (PyTypeObject*)tp; t != null && t != rt.ObjectType; t = t->Base)
            {
                if (s_exceptionExtraFields.TryGetValue(rt.InfoOf(t).Name, out int extra))
                {
                    ((PyTypeObject*)tp)->BasicSize = sizeof(PyBaseExceptionObject) + (8 * extra);
                    break;
                }
            }
        }
    }
}
