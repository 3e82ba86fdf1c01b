using System;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Deque;

/// <summary>
/// collections.deque in native memory, as 3.11's C deque keeps it (see <see cref="PyDequeObject"/>
/// for the layout and invariants). The native type is the storage and the hot methods; the
/// `deque` class of the collections module derives from it and adds the rest in Python
/// (docs/design/stdlib.md).
/// </summary>
internal static unsafe partial class Deque
{
    public const int BlockLen = 64;
    public const int Center = (BlockLen - 1) / 2;
    public const int MaxFreeBlocks = 16;
    public const string TypeName = "collections.deque";

    /// <summary>Creates the native deque type and its two iterator types (before the builtin type dicts are filled).</summary>
    public static void Install(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyTypeObject* t = rt.NewStaticType(TypeName, sizeof(PyDequeObject), 0, TypeFlags.HaveGc | TypeFlags.BaseType, rt.ObjectType);
        t->Dealloc = &Dealloc;
        t->Traverse = &Traverse;
        t->Clear = &ClearSlot;
        t->SizeOf = &SizeOf;
        t->Iter = &NewForwardIterator;
        t->Hash = null;
        PyDequeObject layout = default;
        t->WeakListOffset = (nint)((byte*)&layout.WeakRefList - (byte*)&layout);
        interp.DequeType = t;
        interp.DequeIterType = NewIteratorType(rt, "_collections._deque_iterator", &ForwardNext);
        interp.DequeReverseIterType = NewIteratorType(rt, "_collections._deque_reverse_iterator", &ReverseNext);
    }

    public static bool IsDeque(Interpreter interp, PyObject* o) => PyRuntime.IsSubtype(o->Type, interp.DequeType);

    public static nint Size(PyObject* d) => ((PyVarObject*)d)->Size;

    /// <summary>deque_new's body for an allocated, zeroed instance: one block, centred indices.</summary>
    public static bool InitEmpty(PyRuntime rt, PyObject* o)
    {
        var d = (PyDequeObject*)o;
        DequeBlock* b = NewBlock(rt, d);
        if (b == null)
        {
            return false;
        }

        b->LeftLink = null;
        b->RightLink = null;
        d->Base.Size = 0;
        d->LeftBlock = b;
        d->RightBlock = b;
        d->LeftIndex = Center + 1;
        d->RightIndex = Center;
        d->State = 0;
        d->MaxLen = -1;
        return true;
    }

    private static DequeBlock* NewBlock(PyRuntime rt, PyDequeObject* d)
    {
        if (d->NumFreeBlocks > 0)
        {
            d->NumFreeBlocks--;
            return (DequeBlock*)d->FreeBlocks[d->NumFreeBlocks];
        }

        var b = (DequeBlock*)rt.Allocator.TryAllocate(sizeof(DequeBlock));
        if (b == null)
        {
            rt.NoMemory();
        }

        return b;
    }

    private static void FreeBlock(PyRuntime rt, PyDequeObject* d, DequeBlock* b)
    {
        if (d->NumFreeBlocks < MaxFreeBlocks)
        {
            d->FreeBlocks[d->NumFreeBlocks++] = (long)b;
        }
        else
        {
            rt.Allocator.Free(b);
        }
    }

    /// <summary>deque_append_internal: steals <paramref name="item"/>; trims from the left past maxlen.</summary>
    public static bool Append(PyRuntime rt, PyObject* o, PyObject* item, nint maxlen)
    {
        var d = (PyDequeObject*)o;
        if (d->RightIndex == BlockLen - 1)
        {
            DequeBlock* b = NewBlock(rt, d);
            if (b == null)
            {
                rt.DecRef(item);
                return false;
            }

            b->LeftLink = d->RightBlock;
            d->RightBlock->RightLink = b;
            d->RightBlock = b;
            b->RightLink = null;
            d->RightIndex = -1;
        }

        d->Base.Size++;
        d->RightIndex++;
        DequeBlock.Items(d->RightBlock)[d->RightIndex] = item;
        if ((nuint)maxlen < (nuint)d->Base.Size)
        {
            rt.DecRef(PopLeft(rt, o));
        }
        else
        {
            d->State++;
        }

        return true;
    }

    /// <summary>deque_appendleft_internal: steals <paramref name="item"/>; trims from the right past maxlen.</summary>
    public static bool AppendLeft(PyRuntime rt, PyObject* o, PyObject* item, nint maxlen)
    {
        var d = (PyDequeObject*)o;
        if (d->LeftIndex == 0)
        {
            DequeBlock* b = NewBlock(rt, d);
            if (b == null)
            {
                rt.DecRef(item);
                return false;
            }

            b->RightLink = d->LeftBlock;
            d->LeftBlock->LeftLink = b;
            d->LeftBlock = b;
            b->LeftLink = null;
            d->LeftIndex = BlockLen;
        }

        d->Base.Size++;
        d->LeftIndex--;
        DequeBlock.Items(d->LeftBlock)[d->LeftIndex] = item;
        if ((nuint)maxlen < (nuint)d->Base.Size)
        {
            rt.DecRef(Pop(rt, o));
        }
        else
        {
            d->State++;
        }

        return true;
    }

    /// <summary>deque_pop on a non-empty deque: the rightmost item (the deque's reference).</summary>
    public static PyObject* Pop(PyRuntime rt, PyObject* o)
    {
        var d = (PyDequeObject*)o;
        PyObject* item = DequeBlock.Items(d->RightBlock)[d->RightIndex];
        d->RightIndex--;
        d->Base.Size--;
        d->State++;
        if (d->RightIndex < 0)
        {
            if (d->Base.Size != 0)
            {
                DequeBlock* prev = d->RightBlock->LeftLink;
                FreeBlock(rt, d, d->RightBlock);
                prev->RightLink = null;
                d->RightBlock = prev;
                d->RightIndex = BlockLen - 1;
            }
            else
            {
                d->LeftIndex = Center + 1;
                d->RightIndex = Center;
            }
        }

        return item;
    }

    /// <summary>deque_popleft on a non-empty deque: the leftmost item (the deque's reference).</summary>
    public static PyObject* PopLeft(PyRuntime rt, PyObject* o)
    {
        var d = (PyDequeObject*)o;
        PyObject* item = DequeBlock.Items(d->LeftBlock)[d->LeftIndex];
        d->LeftIndex++;
        d->Base.Size--;
        d->State++;
        if (d->LeftIndex == BlockLen)
        {
            if (d->Base.Size != 0)
            {
                DequeBlock* next = d->LeftBlock->RightLink;
                FreeBlock(rt, d, d->LeftBlock);
                next->LeftLink = null;
                d->LeftBlock = next;
                d->LeftIndex = 0;
            }
            else
            {
                d->LeftIndex = Center + 1;
                d->RightIndex = Center;
            }
        }

        return item;
    }

    /// <summary>
    /// deque_clear: empties the deque onto a fresh block first (a decref may re-enter and
    /// change it), then releases the old items left to right and frees their blocks.
    /// </summary>
    public static void Clear(PyRuntime rt, PyObject* o)
    {
        var d = (PyDequeObject*)o;
        nint n = d->Base.Size;
        if (n == 0)
        {
            return;
        }

        DequeBlock* fresh = NewBlock(rt, d);
        if (fresh == null)
        {
            rt.ClearError();
            while (d->Base.Size != 0)
            {
                rt.DecRef(Pop(rt, o));
            }

            return;
        }

        DequeBlock* block = d->LeftBlock;
        nint index = d->LeftIndex;
        fresh->LeftLink = null;
        fresh->RightLink = null;
        d->Base.Size = 0;
        d->LeftBlock = fresh;
        d->RightBlock = fresh;
        d->LeftIndex = Center + 1;
        d->RightIndex = Center;
        d->State++;
        while (n > 0)
        {
            if (index == BlockLen)
            {
                DequeBlock* next = block->RightLink;
                FreeBlock(rt, d, block);
                block = next;
                index = 0;
            }

            PyObject* item = DequeBlock.Items(block)[index++];
            n--;
            rt.DecRef(item);
        }

        FreeBlock(rt, d, block);
    }

    /// <summary>The item at <paramref name="i"/> (0 &lt;= i &lt; len), borrowed: deque_item's walk from the nearer end.</summary>
    public static PyObject** ItemSlot(PyObject* o, nint i)
    {
        var d = (PyDequeObject*)o;
        nint n = d->Base.Size;
        DequeBlock* b;
        nint index;
        if (i == 0)
        {
            return DequeBlock.Items(d->LeftBlock) + d->LeftIndex;
        }

        if (i == n - 1)
        {
            return DequeBlock.Items(d->RightBlock) + d->RightIndex;
        }

        i += d->LeftIndex;
        nint blocks = i / BlockLen;
        index = i % BlockLen;
        if (i < (n >> 1) + d->LeftIndex)
        {
            b = d->LeftBlock;
            while (blocks-- > 0)
            {
                b = b->RightLink;
            }
        }
        else
        {
            nint fromRight = ((d->LeftIndex + n - 1) / BlockLen) - blocks;
            b = d->RightBlock;
            while (fromRight-- > 0)
            {
                b = b->LeftLink;
            }
        }

        return DequeBlock.Items(b) + index;
    }

    /// <summary>deque_sizeof: the object plus every block the items span (the free blocks are not counted).</summary>
    private static nint SizeOf(PyRuntime rt, PyObject* o)
    {
        var d = (PyDequeObject*)o;
        nint blocks = (d->LeftIndex + d->Base.Size + BlockLen - 1) / BlockLen;
        return o->Type->BasicSize + (blocks * sizeof(DequeBlock));
    }

    private static int Traverse(PyRuntime rt, PyObject* o, delegate*<PyRuntime, PyObject*, void*, int> visit, void* arg)
    {
        var d = (PyDequeObject*)o;
        if (d->LeftBlock == null)
        {
            return 0;
        }

        DequeBlock* b = d->LeftBlock;
        nint index = d->LeftIndex;
        for (nint n = d->Base.Size; n > 0; n--)
        {
            if (index == BlockLen)
            {
                b = b->RightLink;
                index = 0;
            }

            int r = visit(rt, DequeBlock.Items(b)[index++], arg);
            if (r != 0)
            {
                return r;
            }
        }

        return 0;
    }

    private static int ClearSlot(PyRuntime rt, PyObject* o)
    {
        Clear(rt, o);
        return 0;
    }

    /// <summary>deque_dealloc: weakrefs cleared, items released, the blocks (and cached free blocks) freed.</summary>
    private static void Dealloc(PyRuntime rt, PyObject* o)
    {
        rt.Untrack(o);
        if (rt.TrashBegin(o))
        {
            return;
        }

        var d = (PyDequeObject*)o;
        if (d->WeakRefList != null)
        {
            rt.ClearWeakRefs(o);
        }

        if (d->LeftBlock != null)
        {
            Clear(rt, o);
            rt.Allocator.Free(d->LeftBlock);
            d->LeftBlock = null;
            d->RightBlock = null;
        }

        for (nint i = 0; i < d->NumFreeBlocks; i++)
        {
            rt.Allocator.Free((void*)d->FreeBlocks[i]);
        }

        d->NumFreeBlocks = 0;
        rt.GcDel(o);
        rt.TrashEnd();
    }

    /// <summary>Checks the invariants stated on <see cref="PyDequeObject"/>; throws when one is broken.</summary>
    public static void AssertValid(PyObject* o)
    {
        var d = (PyDequeObject*)o;
        nint n = d->Base.Size;
        if (d->LeftBlock == null || d->RightBlock == null || d->LeftBlock->LeftLink != null || d->RightBlock->RightLink != null)
        {
            throw new InvalidOperationException("deque: broken block list ends");
        }

        if (d->LeftIndex < 0 || d->LeftIndex >= BlockLen || d->RightIndex < 0 || d->RightIndex >= BlockLen)
        {
            throw new InvalidOperationException("deque: index out of block");
        }

        nint blocks = 1;
        for (DequeBlock* b = d->LeftBlock; b != d->RightBlock; b = b->RightLink)
        {
            if (b->RightLink == null || b->RightLink->LeftLink != b)
            {
                throw new InvalidOperationException("deque: broken links");
            }

            blocks++;
        }

        if (n == 0 ? (blocks != 1 || d->LeftIndex != d->RightIndex + 1)
            : ((d->LeftIndex + n - 1) % BlockLen != d->RightIndex || blocks != (d->LeftIndex + n + BlockLen - 1) / BlockLen))
        {
            throw new InvalidOperationException("deque: size and indices disagree");
        }
    }
}
