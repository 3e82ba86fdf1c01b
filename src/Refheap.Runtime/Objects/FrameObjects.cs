using System.Runtime.InteropServices;

namespace Refheap.Runtime.Objects;

/// <summary>
/// A code object (PyCodeObject, Include/cpython/code.h, 3.11): the native half of compiled
/// code. The interpreter's instructions live in a managed object found by <see cref="ManagedId"/>
/// (see <see cref="PyRuntime.GetManaged"/>). Not a GC type: code objects cannot form cycles.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyCodeObject
{
    public PyVarObject Base;
    public PyObject* Consts;
    public PyObject* Names;

    /// <summary>co_localsplusnames: locals, then cell variables, then free variables.</summary>
    public PyObject* LocalsPlusNames;
    public PyObject* Filename;
    public PyObject* Name;
    public PyObject* QualName;
    public PyObject* WeakRefList;
    public int ArgCount;
    public int PosOnlyArgCount;
    public int KwOnlyArgCount;

    /// <summary>co_flags (CO_OPTIMIZED, CO_NEWLOCALS, CO_VARARGS, CO_VARKEYWORDS, CO_NESTED, CO_GENERATOR, ...).</summary>
    public int Flags;
    public int NLocalsPlus;
    public int NLocals;
    public int NCells;
    public int NFree;
    public int StackSize;
    public int FirstLineNo;

    /// <summary>co_framesize: localsplus + stack slots (no frame specials here).</summary>
    public int FrameSize;
    public int ManagedId;
}

/// <summary>Who owns an <see cref="InterpreterFrame"/> (3.11's enum _frameowner).</summary>
public enum FrameOwner : byte
{
    Thread = 0,
    Generator = 1,
    FrameObject = 2,
}

/// <summary>
/// _PyInterpreterFrame (Include/internal/pycore_frame.h, 3.11): 72 bytes, then the locals,
/// cells, free variables and the value stack (localsplus). Lives on the interpreter's data
/// stack, inside a generator, or inside a frame object that took it over.
/// Invariant: localsplus[0, StackTop) are owned references or null; the function, the code
/// and Locals are owned; Globals and Builtins are borrowed from the function.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct InterpreterFrame
{
    public PyObject* Func;
    public PyObject* Globals;
    public PyObject* Builtins;
    public PyObject* Locals;
    public PyCodeObject* Code;
    public PyFrameObject* FrameObj;
    public InterpreterFrame* Previous;

    /// <summary>prev_instr: the index of the last instruction started.</summary>
    public nint PrevInstr;
    public int StackTop;
    public byte IsEntry;
    public FrameOwner Owner;

    /// <summary>The first slot of localsplus.</summary>
    public PyObject* LocalsPlus0;

    /// <summary>Bytes before localsplus: offsetof(_PyInterpreterFrame, localsplus).</summary>
    public const int SpecialsSize = 72;

    public static PyObject** LocalsPlus(InterpreterFrame* f) => &f->LocalsPlus0;
}

/// <summary>
/// PyFrameObject (Include/internal/pycore_frame.h, 3.11): 48 bytes of header, then room for
/// the whole interpreter frame (taken over when the function returns while the frame object
/// lives on, e.g. in a traceback). A GC type.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyFrameObject
{
    public PyObject Base;
    public PyFrameObject* Back;
    public InterpreterFrame* Frame;
    public PyObject* Trace;
    public int Lineno;
    public byte TraceLines;
    public byte TraceOpcodes;
    public byte FastAsLocals;
    public byte Padding;

    /// <summary>Bytes before the inline frame data: offsetof(PyFrameObject, _f_frame_data).</summary>
    public const int HeaderSize = 48;

    public static InterpreterFrame* InlineFrame(PyFrameObject* f) => (InterpreterFrame*)((byte*)f + HeaderSize);
}

/// <summary>
/// PyGenObject (Include/cpython/genobject.h, 3.11): 80 bytes of header, then the generator's
/// own interpreter frame. A GC type, weakly referenceable.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyGenObject
{
    public PyObject Base;

    /// <summary>gi_code: the generator's code object (a strong reference).</summary>
    public PyCodeObject* Code;
    public PyObject* WeakRefList;
    public PyObject* Name;
    public PyObject* QualName;

    /// <summary>gi_exc_state.exc_value: the exception being handled inside the generator.</summary>
    public PyObject* ExcValue;

    /// <summary>gi_exc_state.previous_item.</summary>
    public void* ExcPrevious;
    public PyObject* OriginOrFinalizer;
    public byte HooksInited;
    public byte Closed;
    public byte RunningAsync;

    /// <summary>gi_frame_state: <see cref="GenFrameState"/>.</summary>
    public sbyte FrameState;
    public int Padding;

    public const int HeaderSize = 80;

    public static InterpreterFrame* Frame(PyGenObject* g) => (InterpreterFrame*)((byte*)g + HeaderSize);
}

/// <summary>Generator frame states (3.11's FRAME_CREATED .. FRAME_CLEARED).</summary>
public static class GenFrameState
{
    public const sbyte Created = -2;
    public const sbyte Suspended = -1;
    public const sbyte Executing = 0;
    public const sbyte Completed = 1;
    public const sbyte Cleared = 4;
}

/// <summary>PyTracebackObject (Include/cpython/traceback.h, 3.11): 40 bytes, a GC type.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyTracebackObject
{
    public PyObject Base;
    public PyTracebackObject* Next;
    public PyFrameObject* Frame;
    public int Lasti;
    public int Lineno;
}
