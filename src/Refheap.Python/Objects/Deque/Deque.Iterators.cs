using System.Runtime.InteropServices;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Deque;

/// <summary>dequeiterobject (3.11): the deque, the block and index of the next item, the deque's state when made, the items left. 56 bytes, GC.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyDequeIterObject
{
    public PyObject Base;
    public PyObject* Deque;
    public DequeBlock* Block;
    public nint Index;
    public nuint State;
    public nint Counter;
}

// The deque's iterators: forward (iter) and reverse (reversed). Any change of the deque's
// length (its state) between steps makes the next step raise RuntimeError.
internal static unsafe partial class Deque
{
    private static PyTypeObject* NewIteratorType(PyRuntime rt, string name, delegate*<PyRuntime, PyObject*, PyObject*> next)
    {
        PyTypeObject* t = rt.NewStaticType(name, sizeof(PyDequeIterObject), 0, TypeFlags.HaveGc, rt.ObjectType);
        t->Dealloc = &IteratorDealloc;
        t->Traverse = &IteratorTraverse;
        t->Iter = &IteratorSelf;
        t->IterNext = next;
        return t;
    }

    private static PyObject* NewForwardIterator(PyRuntime rt, PyObject* o) => NewIterator(rt, o, false);

    public static PyObject* NewIterator(PyRuntime rt, PyObject* o, bool reverse)
    {
        Interpreter interp = Interpreter.Of(rt);
        PyObject* obj = rt.NewGcObject(reverse ? interp.DequeReverseIterType : interp.DequeIterType, sizeof(PyDequeIterObject));
        if (obj == null)
        {
            return null;
        }

        var d = (PyDequeObject*)o;
        var it = (PyDequeIterObject*)obj;
        it->Deque = PyRuntime.NewRef(o);
        it->Block = reverse ? d->RightBlock : d->LeftBlock;
        it->Index = reverse ? d->RightIndex : d->LeftIndex;
        it->State = d->State;
        it->Counter = d->Base.Size;
        rt.Track(obj);
        return obj;
    }

    private static PyObject* IteratorSelf(PyRuntime rt, PyObject* o) => PyRuntime.NewRef(o);

    private static bool Mutated(PyRuntime rt, PyDequeIterObject* it)
    {
        if (((PyDequeObject*)it->Deque)->State != it->State)
        {
            it->Counter = 0;
            rt.SetError(rt.RuntimeErrorType, "deque mutated during iteration");
            return true;
        }

        return false;
    }

    private static PyObject* ForwardNext(PyRuntime rt, PyObject* o)
    {
        var it = (PyDequeIterObject*)o;
        if (Mutated(rt, it) || it->Counter == 0)
        {
            return null;
        }

        PyObject* item = DequeBlock.Items(it->Block)[it->Index];
        it->Index++;
        it->Counter--;
        if (it->Index == BlockLen && it->Counter > 0)
        {
            it->Block = it->Block->RightLink;
            it->Index = 0;
        }

        return PyRuntime.NewRef(item);
    }

    private static PyObject* ReverseNext(PyRuntime rt, PyObject* o)
    {
        var it = (PyDequeIterObject*)o;
        if (Mutated(rt, it) || it->Counter == 0)
        {
            return null;
        }

        PyObject* item = DequeBlock.Items(it->Block)[it->Index];
        it->Index--;
        it->Counter--;
        if (it->Index < 0 && it->Counter > 0)
        {
            it->Block = it->Block->LeftLink;
            it->Index = BlockLen - 1;
        }

        return PyRuntime.NewRef(item);
    }

    private static void IteratorDealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        rt.DecRef(((PyDequeIterObject*)o)->Deque);
        rt.GcDel(o);
    }

    private static int IteratorTraverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg) =>
        visit(rt, ((PyDequeIterObject*)o)->Deque, arg);
}
