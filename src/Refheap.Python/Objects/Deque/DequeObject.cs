using System.Runtime.InteropServices;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Deque;

/// <summary>
/// dequeobject (Modules/_collectionsmodule.c, 3.11): 216 bytes. Items live in a doubly linked
/// list of 64-slot blocks (528 bytes each, PyMem blocks, so above pymalloc's 512-byte limit);
/// the deque keeps up to 16 emptied blocks for reuse.
/// <para>Invariants (<see cref="Deque.AssertValid"/>): the block list is never empty and never
/// circular; 0 &lt;= LeftIndex, RightIndex &lt; 64; (LeftIndex + Size - 1) % 64 == RightIndex;
/// on one block LeftIndex + Size - 1 == RightIndex; an empty deque has one block with
/// LeftIndex == RightIndex + 1 (32 and 31 after creation and clear, or where a heuristic
/// left them); the number of blocks is (LeftIndex + Size + 63) / 64 when non-empty.</para>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyDequeObject
{
    public PyVarObject Base;
    public DequeBlock* LeftBlock;
    public DequeBlock* RightBlock;
    public nint LeftIndex;
    public nint RightIndex;
    public nuint State;
    public nint MaxLen;
    public nint NumFreeBlocks;
    public fixed long FreeBlocks[Deque.MaxFreeBlocks];
    public PyObject* WeakRefList;
}

/// <summary>A block: left link, 64 item slots, right link (528 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DequeBlock
{
    public DequeBlock* LeftLink;
    public fixed long Data[Deque.BlockLen];
    public DequeBlock* RightLink;

    public static PyObject** Items(DequeBlock* b) => (PyObject**)((byte*)b + sizeof(nint));
}
