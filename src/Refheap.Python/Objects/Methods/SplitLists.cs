using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

/// <summary>Makes the piece at <paramref name="index"/> of a split (a new reference, or null with an error).</summary>
internal unsafe delegate PyObject* PieceMaker(int index);

/// <summary>
/// The result lists of str/bytes split and rsplit (Objects/stringlib/split.h, 3.11): the list is
/// created with PREALLOC_SIZE(maxsplit) slots (at most 12), filled in place, appended to past
/// that, and its size fixed at the end, so a short split keeps its 12 slots.
/// </summary>
internal static unsafe class SplitLists
{
    public const int MaxPrealloc = 12;

    public static PyObject* Build(PyRuntime rt, int count, nint maxsplit, PieceMaker make)
    {
        nint prealloc = maxsplit < 0 || maxsplit >= MaxPrealloc ? MaxPrealloc : maxsplit + 1;
        PyObject* list = rt.NewList(prealloc);
        if (list == null)
        {
            return null;
        }

        var v = (PyVarObject*)list;
        v->Size = 0;
        for (int i = 0; i < count; i++)
        {
            PyObject* piece = make(i);
            if (piece == null)
            {
                rt.DecRef(list);
                return null;
            }

            if (i >= prealloc && !rt.ListResize(list, i + 1))
            {
                rt.DecRef(piece);
                rt.DecRef(list);
                return null;
            }

            v->Size = i + 1;
            PyRuntime.ListItems(list)[i] = piece;
        }

        return list;
    }
}
