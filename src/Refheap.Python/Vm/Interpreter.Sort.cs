using System.Buffers;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// list.sort (Objects/listobject.c): a stable sort with key and reverse. CPython's timsort is
// replaced by a stable merge sort with the same result (only the number of comparisons, and
// so the order of side effects in __lt__, can differ). Comparisons use '<' only.
internal sealed unsafe partial class Interpreter
{
    /// <summary>Sorts the list in place; 0, or -1 with an error (the list keeps its items either way).</summary>
    /// <remarks>
    /// The scratch arrays (items, keys in merge order, indices, and half-size merge buffers)
    /// come from <see cref="ArrayPool{T}.Shared"/>: at 200,000 items they are large-object-heap
    /// arrays, and fresh ones per sort piled up there until a gen2 collection (see
    /// docs/design/process-memory.md). They hold no managed references, so they go back uncleared.
    /// </remarks>
    public int ListSort(PyObject* list, PyObject* key, bool reverse)
    {
        PyRuntime rt = Rt;
        int n = (int)PyRuntime.ListSize(list);
        nint[] items = ArrayPool<nint>.Shared.Rent(n);
        nint[] keys = ArrayPool<nint>.Shared.Rent(n);
        int[] order = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (int i = 0; i < n; i++)
            {
                items[i] = (nint)PyRuntime.ListItems(list)[i];
            }

            // While sorting, the list looks empty (as CPython's does).
            rt.ListResize(list, 0);
            bool ownKeys = false;
            bool failed = false;
            if (key != null && key != rt.None)
            {
                ownKeys = true;
                for (int i = 0; i < n; i++)
                {
                    PyObject* k = CallOneArg(key, (PyObject*)items[i]);
                    if (k == null)
                    {
                        failed = true;
                        for (int j = 0; j < i; j++)
                        {
                            rt.DecRef((PyObject*)keys[j]);
                        }

                        ownKeys = false;
                        break;
                    }

                    keys[i] = (nint)k;
                }
            }
            else
            {
                System.Array.Copy(items, keys, n);
            }

            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            if (!failed)
            {
                // keys[i] stays the key of items[order[i]]: they are reversed and merged together.
                if (reverse)
                {
                    System.Array.Reverse(order, 0, n);
                    System.Array.Reverse(keys, 0, n);
                }

                failed = !SortByKind(order, keys, n);
                if (reverse)
                {
                    System.Array.Reverse(order, 0, n);
                }
            }

            if (ownKeys)
            {
                for (int i = 0; i < n; i++)
                {
                    rt.DecRef((PyObject*)keys[i]);
                }
            }

            bool modified = PyRuntime.ListSize(list) != 0;
            if (modified)
            {
                ListClearItems(list);
            }

            rt.ListResize(list, n);
            for (int i = 0; i < n; i++)
            {
                PyRuntime.ListItems(list)[i] = (PyObject*)items[failed ? i : order[i]];
            }

            if (modified && !failed)
            {
                rt.SetError(rt.ValueErrorType, "list modified during sort");
                return -1;
            }

            return failed ? -1 : 0;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<nint>.Shared.Return(keys);
            ArrayPool<nint>.Shared.Return(items);
        }
    }

    /// <summary>
    /// Sorts <paramref name="order"/>[0, n) (indices of the items) with <paramref name="keys"/>[0, n)
    /// (their keys, in the same order) alongside, with the comparer the keys allow: when every
    /// key is an exact int, every key an exact str, or every key an exact tuple (see
    /// <see cref="ISortLess"/>), else the object protocol.
    /// </summary>
    private bool SortByKind(int[] order, nint[] keys, int n)
    {
        PyRuntime rt = Rt;
        PyTypeObject* common = n > 0 ? ((PyObject*)keys[0])->Type : null;
        for (int i = 0; i < n; i++)
        {
            if (((PyObject*)keys[i])->Type != common)
            {
                common = null;
                break;
            }
        }

        // The merge moves the left run out of the way, so the buffers need half the length.
        int half = (n / 2) + 1;
        int[] tmpOrder = ArrayPool<int>.Shared.Rent(half);
        nint[] tmpKeys = ArrayPool<nint>.Shared.Rent(half);
        try
        {
            if (common == rt.IntType)
            {
                return MergeSort(default(IntSortLess), order, keys, tmpOrder, tmpKeys, 0, n);
            }

            if (common == rt.StrType)
            {
                return MergeSort(default(StrSortLess), order, keys, tmpOrder, tmpKeys, 0, n);
            }

            if (common == rt.TupleType)
            {
                return MergeSort(default(TupleSortLess), order, keys, tmpOrder, tmpKeys, 0, n);
            }

            return MergeSort(default(GenericSortLess), order, keys, tmpOrder, tmpKeys, 0, n);
        }
        finally
        {
            ArrayPool<nint>.Shared.Return(tmpKeys);
            ArrayPool<int>.Shared.Return(tmpOrder);
        }
    }

    /// <summary>
    /// A stable top-down merge sort of order[lo, hi) with keys[lo, hi) alongside. Each merge
    /// copies the left run into the buffers and merges it with the right run back in place;
    /// on an error the two arrays still hold the same pairs, in some order.
    /// </summary>
    private bool MergeSort<TLess>(TLess less, int[] order, nint[] keys, int[] tmpOrder, nint[] tmpKeys, int lo, int hi)
        where TLess : struct, ISortLess
    {
        if (hi - lo < 2)
        {
            return true;
        }

        int mid = (lo + hi) / 2;
        if (!MergeSort(less, order, keys, tmpOrder, tmpKeys, lo, mid) || !MergeSort(less, order, keys, tmpOrder, tmpKeys, mid, hi))
        {
            return false;
        }

        int leftLength = mid - lo;
        System.Array.Copy(order, lo, tmpOrder, 0, leftLength);
        System.Array.Copy(keys, lo, tmpKeys, 0, leftLength);
        int i = 0;
        int j = mid;
        int k = lo;
        bool ok = true;
        while (i < leftLength && j < hi)
        {
            // Take from the right only when right < left (keeps the sort stable).
            int lt = less.Less(this, (PyObject*)keys[j], (PyObject*)tmpKeys[i]);
            if (lt < 0)
            {
                ok = false;
                break;
            }

            if (lt == 1)
            {
                keys[k] = keys[j];
                order[k++] = order[j++];
            }
            else
            {
                keys[k] = tmpKeys[i];
                order[k++] = tmpOrder[i++];
            }
        }

        // The rest of the left run goes back (on an error too: no pair is lost); the rest of
        // the right run is already in place.
        System.Array.Copy(tmpOrder, i, order, k, leftLength - i);
        System.Array.Copy(tmpKeys, i, keys, k, leftLength - i);
        return ok;
    }

    /// <summary>A list's items as a managed copy (borrowed pointers).</summary>
    public static NintList ListSnapshot(PyObject* list)
    {
        var l = new NintList((int)PyRuntime.ListSize(list));
        for (nint i = 0; i < PyRuntime.ListSize(list); i++)
        {
            l.Add((nint)PyRuntime.ListItems(list)[i]);
        }

        return l;
    }
}
