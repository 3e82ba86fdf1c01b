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

            failed = !MergeSort(order, keys);
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

    private bool MergeSort(int[] order, nint[] keys)
    {
        var buffer = new int[order.Length];
        return MergeSort(order, buffer, 0, order.Length, keys);
    }

    private bool MergeSort(int[] a, int[] tmp, int lo, int hi, nint[] keys)
    {
        if (hi - lo < 2)
        {
            return true;
        }

        int mid = (lo + hi) / 2;
        if (!MergeSort(a, tmp, lo, mid, keys) || !MergeSort(a, tmp, mid, hi, keys))
        {
            return false;
        }

        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi)
        {
            // Take from the right only when right < left (keeps the sort stable).
            int lt = Rt.ObjectRichCompareBool((PyObject*)keys[a[j]], (PyObject*)keys[a[i]], CompareOp.Lt);
            if (lt < 0)
            {
                return false;
            }

            tmp[k++] = lt == 1 ? a[j++] : a[i++];
        }

        while (i < mid)
        {
            tmp[k++] = a[i++];
        }

        while (j < hi)
        {
            tmp[k++] = a[j++];
        }

        System.Array.Copy(tmp, lo, a, lo, hi - lo);
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
