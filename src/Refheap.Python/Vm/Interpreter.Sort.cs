using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// list.sort (Objects/listobject.c): a stable sort with key and reverse. CPython's timsort is
// replaced by a stable merge sort with the same result (only the number of comparisons, and
// so the order of side effects in __lt__, can differ). Comparisons use '<' only.
internal sealed unsafe partial class Interpreter
{
    /// <summary>Sorts the list in place; 0, or -1 with an error (the list keeps its items either way).</summary>
    public int ListSort(PyObject* list, PyObject* key, bool reverse)
    {
        PyRuntime rt = Rt;
        nint n = PyRuntime.ListSize(list);
        var items = new nint[n];
        for (nint i = 0; i < n; i++)
        {
            items[i] = (nint)PyRuntime.ListItems(list)[i];
        }

        // While sorting, the list looks empty (as CPython's does).
        rt.ListResize(list, 0);
        nint[] keys = items;
        bool ownKeys = false;
        bool failed = false;
        if (key != null && key != rt.None)
        {
            keys = new nint[n];
            ownKeys = true;
            for (nint i = 0; i < n; i++)
            {
                PyObject* k = CallOneArg(key, (PyObject*)items[i]);
                if (k == null)
                {
                    failed = true;
                    for (nint j = 0; j < i; j++)
                    {
                        rt.DecRef((PyObject*)keys[j]);
                    }

                    ownKeys = false;
                    break;
                }

                keys[i] = (nint)k;
            }
        }

        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        if (!failed)
        {
            if (reverse)
            {
                System.Array.Reverse(order);
            }

            failed = !SortByKind(order, keys);
            if (reverse && !failed)
            {
                System.Array.Reverse(order);
            }
            else if (reverse)
            {
                System.Array.Reverse(order);
            }
        }

        if (ownKeys)
        {
            foreach (nint k in keys)
            {
                rt.DecRef((PyObject*)k);
            }
        }

        bool modified = PyRuntime.ListSize(list) != 0;
        if (modified)
        {
            ListClearItems(list);
        }

        rt.ListResize(list, n);
        for (nint i = 0; i < n; i++)
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

    /// <summary>
    /// Sorts <paramref name="order"/> (indices into <paramref name="keys"/>) with the comparer
    /// the keys allow: when every key is an exact int, every key an exact str, or every key
    /// an exact tuple (see <see cref="ISortLess"/>), else the object protocol.
    /// </summary>
    private bool SortByKind(int[] order, nint[] keys)
    {
        PyRuntime rt = Rt;
        PyTypeObject* common = keys.Length > 0 ? ((PyObject*)keys[0])->Type : null;
        foreach (nint k in keys)
        {
            if (((PyObject*)k)->Type != common)
            {
                common = null;
                break;
            }
        }

        // The keys travel with the indices so the merges read them in order.
        var sortedKeys = new nint[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            sortedKeys[i] = keys[order[i]];
        }

        var tmpOrder = new int[order.Length];
        var tmpKeys = new nint[order.Length];
        if (common == rt.IntType)
        {
            return MergeSort(default(IntSortLess), order, sortedKeys, tmpOrder, tmpKeys, 0, order.Length);
        }

        if (common == rt.StrType)
        {
            return MergeSort(default(StrSortLess), order, sortedKeys, tmpOrder, tmpKeys, 0, order.Length);
        }

        if (common == rt.TupleType)
        {
            return MergeSort(default(TupleSortLess), order, sortedKeys, tmpOrder, tmpKeys, 0, order.Length);
        }

        return MergeSort(default(GenericSortLess), order, sortedKeys, tmpOrder, tmpKeys, 0, order.Length);
    }

    /// <summary>A stable top-down merge sort of order[lo, hi) with keys[lo, hi) alongside.</summary>
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

        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi)
        {
            // Take from the right only when right < left (keeps the sort stable).
            int lt = less.Less(this, (PyObject*)keys[j], (PyObject*)keys[i]);
            if (lt < 0)
            {
                return false;
            }

            if (lt == 1)
            {
                tmpKeys[k] = keys[j];
                tmpOrder[k++] = order[j++];
            }
            else
            {
                tmpKeys[k] = keys[i];
                tmpOrder[k++] = order[i++];
            }
        }

        while (i < mid)
        {
            tmpKeys[k] = keys[i];
            tmpOrder[k++] = order[i++];
        }

        while (j < hi)
        {
            tmpKeys[k] = keys[j];
            tmpOrder[k++] = order[j++];
        }

        System.Array.Copy(tmpOrder, lo, order, lo, hi - lo);
        System.Array.Copy(tmpKeys, lo, keys, lo, hi - lo);
        return true;
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
