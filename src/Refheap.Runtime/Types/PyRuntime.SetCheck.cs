using System;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// The set's whole-structure check (Objects/setobject.c, 3.11 states these facts in its
// comments and asserts; here they are one routine for the tests).
public sealed unsafe partial class PyRuntime
{
    /// <summary>
    /// Checks a set or frozenset and throws <see cref="InvalidOperationException"/> naming
    /// the first broken invariant: the table size is a power of two of at least 8 and the
    /// inline table is used iff it is 8; fill and used match the active and dummy slots;
    /// fill &lt;= mask (a virgin slot remains); empty slots have hash 0 and dummies hash -1;
    /// each active key is live, has a real hash and is what set_lookkey finds for it; the
    /// set is tracked; a computed frozenset hash matches the table.
    /// </summary>
    public void CheckSetInvariants(PyObject* o)
    {
        if (!IsAnySet(o))
        {
            throw new InvalidOperationException("set invariant: not a set or frozenset");
        }

        var so = (PySetObject*)o;
        nint size = so->Mask + 1;
        if (size < SetMinSize || (size & so->Mask) != 0)
        {
            Fail($"table size {size}");
        }

        if ((so->Table == SmallTableOf(so)) != (size == SetMinSize))
        {
            Fail("the inline table must be used exactly when the size is 8");
        }

        nint active = 0;
        nint dummies = 0;
        PyObject* dummy = SetDummy;
        for (nint i = 0; i < size; i++)
        {
            SetEntry* e = so->Table + i;
            if (e->Key == null)
            {
                if (e->Hash != 0)
                {
                    Fail($"empty slot {i} has hash {e->Hash}");
                }
            }
            else if (e->Key == dummy)
            {
                dummies++;
                if (e->Hash != -1)
                {
                    Fail($"dummy slot {i} has hash {e->Hash}");
                }
            }
            else
            {
                active++;
                if (e->Hash == -1 || e->Key->RefCount <= 0)
                {
                    Fail($"active slot {i} has hash -1 or a dead key");
                }

                if (e->Key->Type == StrType && StrCachedHash(e->Key) != e->Hash)
                {
                    Fail($"active slot {i} does not hold its str's hash");
                }
            }
        }

        if (active != so->Used || active + dummies != so->Fill || so->Fill > so->Mask)
        {
            Fail($"used {so->Used}, fill {so->Fill}, mask {so->Mask}, but {active} active and {dummies} dummy slots");
        }

        for (nint i = 0; i < size; i++)
        {
            SetEntry* e = so->Table + i;
            if (e->Key != null && e->Key != dummy && SetLookKey(so, e->Key, e->Hash) != e)
            {
                ClearError();
                Fail($"the key in slot {i} is not found along its probe sequence");
            }
        }

        if (!IsTracked(o))
        {
            Fail("untracked (sets are always tracked)");
        }

        if (so->Hash != -1)
        {
            nint cached = so->Hash;
            so->Hash = -1;
            nint fresh = FrozenSetHash(this, o);
            if (fresh != cached)
            {
                Fail($"cached hash {cached}, table hash {fresh}");
            }
        }

        static void Fail(string what) => throw new InvalidOperationException("set invariant violated: " + what);
    }
}
