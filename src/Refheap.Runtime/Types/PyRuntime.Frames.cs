using System;
using Refheap.Runtime.Objects;

namespace Refheap.Runtime;

// Code, frame, generator and traceback objects: their layouts, lifetimes and traversal
// (Objects/codeobject.c, Objects/frameobject.c, Python/frame.c, Objects/genobject.c,
// Python/traceback.c; 3.11). Executing them is the interpreter's business; what they keep
// alive, and when they die, is the runtime's.
public sealed unsafe partial class PyRuntime
{
    /// <summary>
    /// Managed objects kept for native ones (a code object's CodeInfo), by id: slots
    /// [0, _managedCount) are ids handed out, null when released. A plain array the eval loop
    /// indexes without a call (it is replaced when it grows: read the field anew after anything
    /// that can compile code).
    /// </summary>
    internal object?[] _managed = new object?[64];
    private int _managedCount;
    private readonly IntStack _freeManaged = new();

    /// <summary>code.</summary>
    public PyTypeObject* CodeType { get; private set; }

    /// <summary>frame.</summary>
    public PyTypeObject* FrameType { get; private set; }

    /// <summary>generator.</summary>
    public PyTypeObject* GeneratorType { get; private set; }

    /// <summary>traceback.</summary>
    public PyTypeObject* TracebackType { get; private set; }

    internal void InitFrameTypes()
    {
        CodeType = NewStaticType("code", sizeof(PyCodeObject), 0, TypeFlags.None, ObjectType);
        CodeType->WeakListOffset = (nint)System.Runtime.InteropServices.Marshal.OffsetOf<PyCodeObject>(nameof(PyCodeObject.WeakRefList));
        CodeType->Dealloc = &CodeDealloc;

        FrameType = NewStaticType("frame", PyFrameObject.HeaderSize + InterpreterFrame.SpecialsSize, 8, TypeFlags.HaveGc, ObjectType);
        FrameType->Dealloc = &FrameDealloc;
        FrameType->Traverse = &FrameTraverse;
        FrameType->Clear = &FrameClearSlot;
        FrameType->SizeOf = &FrameSizeOf;

        GeneratorType = NewStaticType("generator", PyGenObject.HeaderSize + InterpreterFrame.SpecialsSize, 8, TypeFlags.HaveGc, ObjectType);
        GeneratorType->WeakListOffset = 24;
        GeneratorType->Dealloc = &GenDealloc;
        GeneratorType->Traverse = &GenTraverse;
        GeneratorType->SizeOf = &GenSizeOf;

        TracebackType = NewStaticType("traceback", sizeof(PyTracebackObject), 0, TypeFlags.HaveGc, ObjectType);
        TracebackType->Dealloc = &TracebackDealloc;
        TracebackType->Traverse = &TracebackTraverse;
        TracebackType->Clear = &TracebackClear;
    }

    /// <summary>Keeps a managed object for a native one (a code object's instructions); returns its id.</summary>
    public int AddManaged(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_freeManaged.Count > 0)
        {
            int id = _freeManaged.Pop();
            _managed[id] = value;
            return id;
        }

        if (_managedCount == _managed.Length)
        {
            var grown = new object?[_managed.Length * 2];
            Array.Copy(_managed, grown, _managedCount);
            _managed = grown;
        }

        _managed[_managedCount] = value;
        return _managedCount++;
    }

    /// <summary>The managed object stored under <paramref name="id"/>.</summary>
    public object GetManaged(int id) => _managed[id]!;

    private void ReleaseManaged(int id)
    {
        _managed[id] = null;
        _freeManaged.Push(id);
    }

    /// <summary>A zeroed code object (refcount 1) for the compiler to fill; null with MemoryError.</summary>
    public PyCodeObject* NewCode()
    {
        PyObject* o = NewObject(CodeType, sizeof(PyCodeObject));
        if (o == null)
        {
            return null;
        }

        new Span<byte>((byte*)o + sizeof(PyObject), sizeof(PyCodeObject) - sizeof(PyObject)).Clear();
        ((PyCodeObject*)o)->ManagedId = -1;
        return (PyCodeObject*)o;
    }

    private static void CodeDealloc(PyRuntime rt, PyObject* o)
    {
        var c = (PyCodeObject*)o;
        if (c->WeakRefList != null)
        {
            rt.ClearWeakRefs(o);
        }

        rt.Clear(ref c->Consts);
        rt.Clear(ref c->Names);
        rt.Clear(ref c->LocalsPlusNames);
        rt.Clear(ref c->Filename);
        rt.Clear(ref c->Name);
        rt.Clear(ref c->QualName);
        if (c->ManagedId >= 0)
        {
            rt.ReleaseManaged(c->ManagedId);
        }

        rt.FreeObject(o);
    }

    /// <summary>
    /// _PyFrame_Clear: releases what an interpreter frame owns. If a frame object still has
    /// other owners, it takes the frame over instead (take_ownership) and keeps it all alive.
    /// </summary>
    public void FrameClear(InterpreterFrame* f)
    {
        if (f->FrameObj != null)
        {
            PyFrameObject* fo = f->FrameObj;
            f->FrameObj = null;
            if (fo->Base.RefCount > 1)
            {
                TakeOwnership(fo, f);
                DecRef((PyObject*)fo);
                return;
            }

            DecRef((PyObject*)fo);
        }

        ClearFrameContents(f);
    }

    private void ClearFrameContents(InterpreterFrame* f)
    {
        PyObject** lp = InterpreterFrame.LocalsPlus(f);
        int top = f->StackTop;
        f->StackTop = 0;
        for (int i = 0; i < top; i++)
        {
            PyObject* v = lp[i];
            lp[i] = null;
            XDecRef(v);
        }

        Clear(ref f->Locals);
        Clear(ref f->Func);
        var code = (PyObject*)f->Code;
        f->Code = null;
        XDecRef(code);
    }

    /// <summary>take_ownership: copy the frame into its frame object, which links to the caller's frame object.</summary>
    private void TakeOwnership(PyFrameObject* fo, InterpreterFrame* f)
    {
        InterpreterFrame* copy = PyFrameObject.InlineFrame(fo);
        nint bytes = InterpreterFrame.SpecialsSize + (8 * (nint)f->StackTop);
        Buffer.MemoryCopy(f, copy, bytes, bytes);
        fo->Frame = copy;
        copy->Owner = FrameOwner.FrameObject;
        copy->FrameObj = null;
        InterpreterFrame* prev = f->Previous;
        copy->Previous = null;
        f->StackTop = 0;
        f->Func = null;
        f->Code = null;
        f->Locals = null;
        if (prev != null)
        {
            PyFrameObject* back = GetFrameObject(prev);
            if (back == null)
            {
                // Out of memory: the frame loses its f_back, as CPython's does.
                ClearError();
            }
            else
            {
                fo->Back = (PyFrameObject*)NewRef((PyObject*)back);
            }
        }

        if (AsGc((PyObject*)fo)->Next == 0)
        {
            Track((PyObject*)fo);
        }
    }

    /// <summary>_PyFrame_GetFrameObject: the frame object of an interpreter frame, made on first need (borrowed).</summary>
    public PyFrameObject* GetFrameObject(InterpreterFrame* f)
    {
        if (f->FrameObj != null)
        {
            return f->FrameObj;
        }

        int slots = f->Code->FrameSize;
        PyObject* o = NewGcObject(FrameType, PyFrameObject.HeaderSize + InterpreterFrame.SpecialsSize + (8 * (nint)slots));
        if (o == null)
        {
            return null;
        }

        var fo = (PyFrameObject*)o;
        new Span<byte>((byte*)o + sizeof(PyObject), PyFrameObject.HeaderSize - sizeof(PyObject)).Clear();
        ((PyVarObject*)o)->Size = 0;
        fo->Frame = f;
        f->FrameObj = fo;
        return fo;
    }

    private static void FrameDealloc(PyRuntime rt, PyObject* o)
    {
        var fo = (PyFrameObject*)o;
        rt.Untrack(o);
        if (rt.TrashBegin(o))
        {
            return;
        }

        if (fo->Frame != null && fo->Frame->Owner == FrameOwner.FrameObject)
        {
            rt.ClearFrameContents(fo->Frame);
        }
        else if (fo->Frame != null && fo->Frame->FrameObj == fo)
        {
            fo->Frame->FrameObj = null;
        }

        var back = (PyObject*)fo->Back;
        fo->Back = null;
        rt.Clear(ref fo->Trace);
        rt.GcDel(o);
        rt.XDecRef(back);
        rt.TrashEnd();
    }

    /// <summary>frame_traverse: f_back, f_trace, and the frame's contents once the frame object owns them.</summary>
    private static int FrameTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var fo = (PyFrameObject*)o;
        int r;
        if (fo->Back != null && (r = visit(rt, (PyObject*)fo->Back, arg)) != 0)
        {
            return r;
        }

        if (fo->Trace != null && (r = visit(rt, fo->Trace, arg)) != 0)
        {
            return r;
        }

        return fo->Frame->Owner != FrameOwner.FrameObject ? 0 : TraverseInterpreterFrame(rt, fo->Frame, visit, arg);
    }

    /// <summary>_PyFrame_Traverse: frame object, locals, function, then localsplus up to the stack top.</summary>
    private static int TraverseInterpreterFrame(PyRuntime rt, InterpreterFrame* f, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        int r;
        if (f->FrameObj != null && (r = visit(rt, (PyObject*)f->FrameObj, arg)) != 0)
        {
            return r;
        }

        if (f->Locals != null && (r = visit(rt, f->Locals, arg)) != 0)
        {
            return r;
        }

        if (f->Func != null && (r = visit(rt, f->Func, arg)) != 0)
        {
            return r;
        }

        PyObject** lp = InterpreterFrame.LocalsPlus(f);
        for (int i = 0; i < f->StackTop; i++)
        {
            if (lp[i] != null && (r = visit(rt, lp[i], arg)) != 0)
            {
                return r;
            }
        }

        return 0;
    }

    /// <summary>frame_tp_clear: drops the locals and the stack of a frame the frame object owns.</summary>
    private static int FrameClearSlot(PyRuntime rt, PyObject* o)
    {
        var fo = (PyFrameObject*)o;
        rt.Clear(ref fo->Trace);
        if (fo->Frame->Owner == FrameOwner.FrameObject)
        {
            InterpreterFrame* f = fo->Frame;
            PyObject** lp = InterpreterFrame.LocalsPlus(f);
            int top = f->StackTop;
            f->StackTop = 0;
            for (int i = 0; i < top; i++)
            {
                rt.Clear(ref lp[i]);
            }
        }

        return 0;
    }

    private static nint FrameSizeOf(PyRuntime rt, PyObject* o)
    {
        var fo = (PyFrameObject*)o;
        PyCodeObject* code = fo->Frame->Code;
        return PyFrameObject.HeaderSize + InterpreterFrame.SpecialsSize + (code == null ? 0 : 8 * (nint)code->FrameSize);
    }

    /// <summary>
    /// A generator object for <paramref name="code"/>: zeroed, untracked, its frame empty and
    /// owned by the generator. The interpreter fills the frame and tracks the generator.
    /// </summary>
    public PyGenObject* NewGenerator(PyCodeObject* code)
    {
        nint size = PyGenObject.HeaderSize + InterpreterFrame.SpecialsSize + (8 * (nint)code->FrameSize);
        PyObject* o = NewGcObject(GeneratorType, size);
        if (o == null)
        {
            return null;
        }

        new Span<byte>((byte*)o + sizeof(PyObject), (int)(size - sizeof(PyObject))).Clear();
        var g = (PyGenObject*)o;
        g->Code = code;
        IncRef((PyObject*)code);
        g->FrameState = GenFrameState.Created;
        PyGenObject.Frame(g)->Owner = FrameOwner.Generator;
        return g;
    }

    private static void GenDealloc(PyRuntime rt, PyObject* o)
    {
        var g = (PyGenObject*)o;
        rt.Untrack(o);
        if (g->WeakRefList != null)
        {
            rt.ClearWeakRefs(o);
        }

        rt.Track(o);
        if (o->Type->Finalize != null && g->FrameState < GenFrameState.Completed && g->FrameState != GenFrameState.Created)
        {
            if (rt.CallFinalizerFromDealloc(o))
            {
                return;
            }
        }

        rt.Untrack(o);
        if (g->FrameState < GenFrameState.Cleared)
        {
            InterpreterFrame* f = PyGenObject.Frame(g);
            g->FrameState = GenFrameState.Cleared;
            rt.FrameClear(f);
        }

        rt.Clear(ref g->Name);
        rt.Clear(ref g->QualName);
        rt.Clear(ref g->ExcValue);
        var code = (PyObject*)g->Code;
        g->Code = null;
        rt.XDecRef(code);
        rt.GcDel(o);
    }

    /// <summary>gen_traverse: the frame while it is not cleared, the handled exception, the names.</summary>
    private static int GenTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var g = (PyGenObject*)o;
        int r;
        if (g->FrameState < GenFrameState.Cleared && (r = TraverseInterpreterFrame(rt, PyGenObject.Frame(g), visit, arg)) != 0)
        {
            return r;
        }

        if (g->ExcValue != null && (r = visit(rt, g->ExcValue, arg)) != 0)
        {
            return r;
        }

        if (g->Name != null && (r = visit(rt, g->Name, arg)) != 0)
        {
            return r;
        }

        return g->QualName != null ? visit(rt, g->QualName, arg) : 0;
    }

    private static nint GenSizeOf(PyRuntime rt, PyObject* o)
    {
        var g = (PyGenObject*)o;
        InterpreterFrame* f = PyGenObject.Frame(g);
        int frameSize = f->Code == null ? 0 : f->Code->FrameSize;
        return PyGenObject.HeaderSize + InterpreterFrame.SpecialsSize + (8 * (nint)frameSize);
    }

    /// <summary>PyTraceBack_Here's object: a new traceback entry in front of <paramref name="next"/>.</summary>
    public PyObject* NewTraceback(PyObject* next, PyFrameObject* frame, int lasti, int lineno)
    {
        PyObject* o = NewGcObject(TracebackType, sizeof(PyTracebackObject));
        if (o == null)
        {
            return null;
        }

        var tb = (PyTracebackObject*)o;
        tb->Next = (PyTracebackObject*)next;
        XIncRef(next);
        tb->Frame = frame;
        IncRef((PyObject*)frame);
        tb->Lasti = lasti;
        tb->Lineno = lineno;
        Track(o);
        return o;
    }

    private static void TracebackDealloc(PyRuntime rt, PyObject* o)
    {
        var tb = (PyTracebackObject*)o;
        rt.Untrack(o);
        if (rt.TrashBegin(o))
        {
            return;
        }

        var next = (PyObject*)tb->Next;
        var frame = (PyObject*)tb->Frame;
        tb->Next = null;
        tb->Frame = null;
        rt.XDecRef(next);
        rt.XDecRef(frame);
        rt.GcDel(o);
        rt.TrashEnd();
    }

    private static int TracebackTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var tb = (PyTracebackObject*)o;
        int r;
        if (tb->Next != null && (r = visit(rt, (PyObject*)tb->Next, arg)) != 0)
        {
            return r;
        }

        return tb->Frame != null ? visit(rt, (PyObject*)tb->Frame, arg) : 0;
    }

    private static int TracebackClear(PyRuntime rt, PyObject* o)
    {
        var tb = (PyTracebackObject*)o;
        var next = (PyObject*)tb->Next;
        var frame = (PyObject*)tb->Frame;
        tb->Next = null;
        tb->Frame = null;
        rt.XDecRef(next);
        rt.XDecRef(frame);
        return 0;
    }
}
