using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// print() as CPython 3.11 runs it (Python/bltinmodule.c builtin_print_impl and its Argument
// Clinic wrapper; Objects/fileobject.c PyFile_WriteObject / PyFile_WriteString): each object,
// separator and end is its own file.write() call, so a file object sees the calls CPython makes,
// output stops where a __str__ fails, and the objects CPython's io holds between writes are held
// here too (Modules/StdTextPending).
internal sealed unsafe partial class Interpreter
{
    /// <summary>
    /// The keyword tuple ('sep', 'end', 'file', 'flush') of print's argument parser: 3.11's
    /// parser_init makes it on print's first call and keeps it to the end (a tracked tuple,
    /// so that first call moves gc.get_count() and sys.getallocatedblocks() as on CPython).
    /// </summary>
    private PyObject* _printKeywords;

    /// <summary>
    /// Names print and PyFile_WriteObject look up. CPython has them as static strings (_Py_ID),
    /// outside the heap, so the first print() of a program allocates no block for them; they are
    /// interned here at start-up, before a program can measure the heap.
    /// </summary>
    private static readonly string[] PrintNames = ["sep", "end", "file", "flush", "write", "stdout"];

    private void InternPrintNames()
    {
        foreach (string name in PrintNames)
        {
            Str(name);
        }
    }

    private static PyObject* BuiltinPrint(PyRuntime rt, PyObject* self, PyObject** args, nint nargs, PyObject* kwnames) =>
        Of(rt).Print(args, nargs, kwnames);

    /// <summary>print(*objects, sep=' ', end='\n', file=None, flush=False).</summary>
    private PyObject* Print(PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        if (_printKeywords == null)
        {
            PyObject* names = rt.NewTuple(4);
            if (names == null)
            {
                return null;
            }

            PyObject** items = PyRuntime.TupleItems(names);
            items[0] = PyRuntime.NewRef(Str("sep"));
            items[1] = PyRuntime.NewRef(Str("end"));
            items[2] = PyRuntime.NewRef(Str("file"));
            items[3] = PyRuntime.NewRef(Str("flush"));
            _printKeywords = names;
        }

        // _PyArg_UnpackKeywordsWithVararg: the positional arguments in a new tuple (the empty
        // tuple singleton for none), released when print returns.
        PyObject* objects = rt.NewTuple(nargs);
        if (objects == null)
        {
            return null;
        }

        for (nint i = 0; i < nargs; i++)
        {
            PyRuntime.TupleItems(objects)[i] = PyRuntime.NewRef(args[i]);
        }

        PyObject* result = PrintObjects(objects, args + nargs, kwnames);
        rt.DecRef(objects);
        return result;
    }

    private PyObject* PrintObjects(PyObject* objects, PyObject** kwvalues, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        PyObject* sep = rt.None;
        PyObject* end = rt.None;
        PyObject* file = rt.None;
        PyObject* flushArg = null;
        nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
        for (nint k = 0; k < nkw; k++)
        {
            PyObject* key = PyRuntime.TupleItems(kwnames)[k];
            switch (PyRuntime.StrToString(key))
            {
                case "sep":
                    sep = kwvalues[k];
                    break;
                case "end":
                    end = kwvalues[k];
                    break;
                case "file":
                    file = kwvalues[k];
                    break;
                case "flush":
                    flushArg = kwvalues[k];
                    break;
                default:
                    rt.SetError(rt.TypeErrorType, $"'{PyRuntime.StrToString(key)}' is an invalid keyword argument for print()");
                    return null;
            }
        }

        // The 'p' converter runs before the body.
        bool flush = false;
        if (flushArg != null)
        {
            int truth = IsTrue(flushArg);
            if (truth < 0)
            {
                return null;
            }

            flush = truth != 0;
        }

        PyObject* stdout = null;
        if (file == rt.None)
        {
            // A borrowed reference in CPython; a new one here, released below.
            stdout = SysAttr("stdout");
            if (stdout == null)
            {
                return null;
            }

            if (stdout == rt.None)
            {
                // sys.stdout may be None when no stdout is connected: print does nothing.
                return stdout;
            }

            file = stdout;
        }

        PyObject* r = PrintTo(file, objects, sep, end, flush);
        rt.XDecRef(stdout);
        return r;
    }

    private PyObject* PrintTo(PyObject* file, PyObject* objects, PyObject* sep, PyObject* end, bool flush)
    {
        PyRuntime rt = Rt;
        if (sep == rt.None)
        {
            sep = null;
        }
        else if (!PyRuntime.IsStr(sep))
        {
            rt.SetError(rt.TypeErrorType, $"sep must be None or a string, not {rt.TypeName(sep)}");
            return null;
        }

        if (end == rt.None)
        {
            end = null;
        }
        else if (!PyRuntime.IsStr(end))
        {
            rt.SetError(rt.TypeErrorType, $"end must be None or a string, not {rt.TypeName(end)}");
            return null;
        }

        nint count = PyRuntime.TupleSize(objects);
        for (nint i = 0; i < count; i++)
        {
            if (i > 0 && !(sep == null ? FileWriteString(" ", file) : FileWriteObject(sep, file)))
            {
                return null;
            }

            if (!FileWriteObject(PyRuntime.TupleItems(objects)[i], file))
            {
                return null;
            }
        }

        if (!(end == null ? FileWriteString("\n", file) : FileWriteObject(end, file)))
        {
            return null;
        }

        if (flush && !CallMethodNoResult(file, "flush"))
        {
            return null;
        }

        return PyRuntime.NewRef(rt.None);
    }

    /// <summary>PyFile_WriteObject(v, f, Py_PRINT_RAW): f.write(str(v)), the method looked up first.</summary>
    private bool FileWriteObject(PyObject* v, PyObject* file)
    {
        PyRuntime rt = Rt;
        PyObject* writer = GetAttr(file, Str("write"));
        if (writer == null)
        {
            return false;
        }

        PyObject* value = ToStr(v);
        if (value == null)
        {
            rt.DecRef(writer);
            return false;
        }

        bool ok;
        if (writer->Type == rt.MethodType && ((PyMethodObject*)writer)->Func == _streamWrite && _streamWrite != null
            && (file == _stdoutStream || file == _stderrStream))
        {
            // The original sys.stdout / sys.stderr with _Stream.write unchanged: what that
            // method would do, without running it (print's writes are most of a chatty
            // program's calls). The bound method was still made and is released as CPython's is.
            ok = StreamWrite(file == _stderrStream, value);
        }
        else
        {
            PyObject* r = CallOneArg(writer, value);
            ok = r != null;
            rt.XDecRef(r);
        }

        rt.DecRef(value);
        rt.DecRef(writer);
        return ok;
    }

    // The standard streams _bootstrap made, and their class's write function (strong
    // references, released by ReleaseStdioObjects), for FileWriteObject's shortcut.
    private PyObject* _stdoutStream;
    private PyObject* _stderrStream;
    private PyObject* _streamWrite;

    /// <summary>After _bootstrap: remembers sys.stdout, sys.stderr and _Stream.write.</summary>
    private void RememberStdStreams()
    {
        PyRuntime rt = Rt;
        PyObject* stdout = SysAttrBorrowed("stdout");
        PyObject* stderr = SysAttrBorrowed("stderr");
        if (stdout == null || stderr == null || stdout->Type != stderr->Type)
        {
            return;
        }

        PyObject* write = rt.DictGetItemStr(stdout->Type->Dict, Str("write"));
        if (write == null || write->Type != rt.PyFunctionType)
        {
            return;
        }

        _stdoutStream = PyRuntime.NewRef(stdout);
        _stderrStream = PyRuntime.NewRef(stderr);
        _streamWrite = PyRuntime.NewRef(write);
    }

    /// <summary>
    /// _Stream.write(text) for fd 1 or 2 (text is a str): the io model keeps what CPython's
    /// TextIOWrapper keeps, then the text goes to the host's writer. False with an exception set.
    /// </summary>
    internal bool StreamWrite(bool stderr, PyObject* text)
    {
        string chars = PyRuntime.StrToString(text);
        if (!(stderr ? StderrPending : StdoutPending).Write(Rt, text, chars))
        {
            return false;
        }

        try
        {
            (stderr ? Stderr : Stdout).Write(chars);
        }
        catch (System.IO.IOException e)
        {
            RaiseHostIOError(e);
            return false;
        }

        return true;
    }

    /// <summary>PyFile_WriteString: a str of <paramref name="text"/> (the cached one-character str for " " and "\n"), written.</summary>
    private bool FileWriteString(string text, PyObject* file)
    {
        PyObject* v = Rt.NewStr(text);
        if (v == null)
        {
            return false;
        }

        bool ok = FileWriteObject(v, file);
        Rt.DecRef(v);
        return ok;
    }

    /// <summary>
    /// At the very end (after the last flush_std_files): what the standard streams' io still
    /// holds is let go, and print's keyword tuple (_PyArg_Fini). Safe to call twice.
    /// </summary>
    private void ReleaseStdioObjects()
    {
        PyRuntime rt = Rt;
        StdoutPending.Flush(rt);
        StderrPending.Flush(rt);
        PyObject* names = _printKeywords;
        _printKeywords = null;
        rt.XDecRef(names);
        PyObject* stdout = _stdoutStream;
        PyObject* stderr = _stderrStream;
        PyObject* write = _streamWrite;
        _stdoutStream = _stderrStream = _streamWrite = null;
        rt.XDecRef(stdout);
        rt.XDecRef(stderr);
        rt.XDecRef(write);
    }
}
