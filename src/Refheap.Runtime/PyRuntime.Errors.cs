using System;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// The error indicator (Python/errors.c, 3.11): one current exception per runtime. Runtime
// operations that fail return null (or -1) with the indicator set, as CPython's C API does;
// .NET exceptions are kept for host-facing calls (PyException) and misuse of the API.
public sealed unsafe partial class PyRuntime
{
    private PyObject* _currentException;

    // A MemoryError kept ready so that reporting exhaustion never needs memory
    // (Objects/exceptions.c keeps 16 in MEMERRORS_SAVE).
    private PyObject* _reservedMemoryError;

    /// <summary>PyErr_Occurred.</summary>
    public bool ErrorOccurred => _currentException != null;

    /// <summary>The current exception (borrowed), or null.</summary>
    public PyObject* CurrentException => _currentException;

    /// <summary>Writes unraisable errors (weakref callbacks, finalizers, gc.callbacks). Replaceable by the interpreter.</summary>
    public Action<PyRuntime, string?, nint, nint>? UnraisableHook { get; set; }

    /// <summary>PyErr_SetObject with a new instance of <paramref name="type"/> whose args are (message,).</summary>
    public void SetError(PyTypeObject* type, string message)
    {
        PyObject* exc = NewException(type, message);
        if (exc == null)
        {
            return;
        }

        SetErrorObject(exc);
    }

    /// <summary>PyErr_SetRaisedException: takes ownership of <paramref name="exception"/>.</summary>
    public void SetErrorObject(PyObject* exception)
    {
        PyObject* old = _currentException;
        _currentException = exception;
        XDecRef(old);
    }

    private bool _makingMemoryError;

    /// <summary>
    /// PyErr_NoMemory: a fresh MemoryError, as 3.11's get_memory_error makes one while memory
    /// allows (a refused large allocation usually leaves room for it); otherwise the reserved
    /// instance (3.11's last_resort_memory_error), cleared of the traceback and chain it
    /// carried the last time it was raised. Returns null for convenience.
    /// </summary>
    public PyObject* NoMemory()
    {
        if (!_makingMemoryError && MemoryErrorType != null)
        {
            _makingMemoryError = true;
            PyObject* fresh = NewException(MemoryErrorType, "");
            _makingMemoryError = false;
            if (fresh != null)
            {
                SetErrorObject(fresh);
                return null;
            }
        }

        if (_reservedMemoryError != null)
        {
            var e = (PyBaseExceptionObject*)_reservedMemoryError;
            Clear(ref e->Traceback);
            Clear(ref e->Context);
            Clear(ref e->Cause);
            e->SuppressContext = 0;
            SetErrorObject(NewRef(_reservedMemoryError));
        }

        return null;
    }

    /// <summary>PyErr_Clear.</summary>
    public void ClearError()
    {
        PyObject* old = _currentException;
        _currentException = null;
        XDecRef(old);
    }

    /// <summary>PyErr_GetRaisedException: returns the owned exception and clears the indicator.</summary>
    public PyObject* FetchError()
    {
        PyObject* e = _currentException;
        _currentException = null;
        return e;
    }

    /// <summary>PyErr_ExceptionMatches.</summary>
    public bool ErrorMatches(PyTypeObject* type) =>
        _currentException != null && IsSubtype(_currentException->Type, type);

    /// <summary>PyType_IsSubtype along tp_base (single inheritance chain).</summary>
    public static bool IsSubtype(PyTypeObject* a, PyTypeObject* b)
    {
        for (PyTypeObject* t = a; t != null; t = t->Base)
        {
            if (t == b)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// PyErr_WriteUnraisable / _PyErr_WriteUnraisableMsg: report and clear the current error.
    /// Without a hook, writes "Exception ignored in: OBJ" and "TYPE: MESSAGE" to <see cref="Stderr"/>.
    /// </summary>
    public void WriteUnraisable(string? message, PyObject* obj)
    {
        PyObject* exc = FetchError();
        if (exc == null)
        {
            return;
        }

        if (UnraisableHook != null)
        {
            UnraisableHook(this, message, (nint)exc, (nint)obj);
        }
        else
        {
            string where = message == null ? "Exception ignored in" : "Exception ignored " + message;
            Stderr.Write(obj != null ? $"{where}: {ReprString(obj)}\n" : $"{where}:\n");
            Stderr.Write($"{TypeName(exc)}: {ExceptionMessage(exc)}\n");
        }

        DecRef(exc);
    }

    /// <summary>A host-facing .NET exception for the current Python error (clears it).</summary>
    public PyException TakeErrorAsException()
    {
        PyObject* exc = FetchError();
        if (exc == null)
        {
            return new PyException("SystemError", "error return without exception set", 0);
        }

        var e = new PyException(TypeName(exc), ExceptionMessage(exc), (nint)exc);
        DecRef(exc);
        return e;
    }
}

/// <summary>A Python exception surfaced to a .NET host: its type name and str(exc).</summary>
public sealed class PyException : Exception
{
    public PyException()
    {
        PythonType = "Exception";
    }

    public PyException(string message)
        : base(message)
    {
        PythonType = "Exception";
    }

    public PyException(string message, Exception inner)
        : base(message, inner)
    {
        PythonType = "Exception";
    }

    internal PyException(string pythonType, string pythonMessage, nint address)
        : base(pythonMessage.Length == 0 ? pythonType : $"{pythonType}: {pythonMessage}")
    {
        PythonType = pythonType;
        PythonMessage = pythonMessage;
        Address = address;
    }

    /// <summary>The exception's type name, e.g. "MemoryError".</summary>
    public string PythonType { get; }

    /// <summary>str() of the exception.</summary>
    public string PythonMessage { get; } = "";

    /// <summary>Where the exception object was (it has been released).</summary>
    public nint Address { get; }
}
