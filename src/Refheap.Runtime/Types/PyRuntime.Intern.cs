using System;
using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// String interning (Objects/unicodeobject.c, 3.11: PyUnicode_InternInPlace, unicode_dealloc,
// _PyUnicode_ClearInterned). Interned strings are mortal: the table's two references (key
// and value) are not counted in ob_refcnt, the state says SSTATE_INTERNED_MORTAL, and the
// dying string removes itself from the table.
//
// Deviation: CPython's table is a dict in the object heap. Here it is a managed
// Dictionary<string, nint> until the runtime's dict exists, so the table's own memory (its
// keys object) is not in the heap and not seen by sys.getallocatedblocks. Refcounts, states
// and identities are CPython's.
public sealed unsafe partial class PyRuntime
{
    /// <summary>SSTATE_NOT_INTERNED.</summary>
    public const int InternStateNotInterned = 0;

    /// <summary>SSTATE_INTERNED_MORTAL.</summary>
    public const int InternStateMortal = 1;

    // Keyed by kind and raw code units, so two distinct strs never share a key.
    private readonly Dictionary<string, nint> _interned = new(StringComparer.Ordinal);

    // Interned "__name__" and "__builtins__" for function creation (InternedName), borrowed.
    private nint _nameKey;
    private nint _builtinsKey;

    /// <summary>len(interned): strings currently interned.</summary>
    public int InternedCount => _interned.Count;

    /// <summary>PyUnicode_CHECK_INTERNED: the interned bits of the state.</summary>
    public static int InternState(PyObject* s) => (int)(((PyAsciiObject*)s)->State & StateInternedMask);

    /// <summary>True for a str in the interned table.</summary>
    public static bool IsInterned(PyObject* s) => InternState(s) != InternStateNotInterned;

    /// <summary>
    /// PyUnicode_InternInPlace: <paramref name="p"/> is an owned reference to a str. Exact str
    /// only (subclasses are left alone). If an equal string is interned, the reference is
    /// replaced by a new reference to it; otherwise this string enters the table.
    /// </summary>
    public void Intern(ref PyObject* p)
    {
        PyObject* s = p;
        if (s == null || !IsStr(s) || s->Type != StrType || IsInterned(s))
        {
            return;
        }

        string key = InternKey(s);
        if (_interned.TryGetValue(key, out nint existing))
        {
            var t = (PyObject*)existing;
            IncRef(t);
            p = t;
            DecRef(s);
            return;
        }

        _interned.Add(key, (nint)s);

        // PyDict_SetDefault took two references (key and value); 3.11 then subtracts them:
        // Py_SET_REFCNT(s, Py_REFCNT(s) - 2). The managed table took none, so the count is
        // already the one CPython ends with.
        ((PyAsciiObject*)s)->State = (((PyAsciiObject*)s)->State & ~StateInternedMask) | InternStateMortal;
    }

    /// <summary>sys.intern(s): a new reference to the interned equal string.</summary>
    public PyObject* InternString(PyObject* s)
    {
        if (!IsStr(s))
        {
            SetError(TypeErrorType, $"intern() argument must be str, not {TypeName(s)}");
            return null;
        }

        if (s->Type != StrType)
        {
            SetError(TypeErrorType, $"can't intern {TypeName(s)}");
            return null;
        }

        PyObject* r = NewRef(s);
        Intern(ref r);
        return r;
    }

    /// <summary>PyUnicode_InternFromString.</summary>
    public PyObject* InternFromString(string text)
    {
        PyObject* s = NewStr(text);
        if (s != null)
        {
            Intern(ref s);
        }

        return s;
    }

    /// <summary>
    /// PyUnicode_InternFromString for a name the runtime looks up often (a new reference):
    /// the interned str is remembered, without a reference of its own, in <paramref name="cache"/>
    /// and forgotten when it is deallocated, so no str is made from the .NET string each time.
    /// </summary>
    private PyObject* InternedName(ref nint cache, string text)
    {
        if (cache != 0)
        {
            return NewRef((PyObject*)cache);
        }

        PyObject* s = InternFromString(text);
        cache = (nint)s;
        return s;
    }

    /// <summary>
    /// unicode_dealloc for an interned string: CPython sets the count to 3, deletes the dict
    /// entry (dropping to 1) and sets it back to 0. Here the entry is just removed.
    /// </summary>
    partial void UnInternOnDealloc(PyObject* o)
    {
        if (InternState(o) != InternStateMortal)
        {
            throw new InvalidOperationException("Fatal Python error: Immortal interned string died");
        }

        if (!_interned.Remove(InternKey(o), out nint found) || found != (nint)o)
        {
            throw new InvalidOperationException("Fatal Python error: deletion of interned string failed");
        }

        ((PyAsciiObject*)o)->State &= ~StateInternedMask;
        if ((nint)o == _nameKey)
        {
            _nameKey = 0;
        }

        if ((nint)o == _builtinsKey)
        {
            _builtinsKey = 0;
        }

        // Its address can now come back as another name.
        TypeModified(null);
    }

    /// <summary>
    /// _PyUnicode_ClearInterned (shutdown): each string gets back the two references the
    /// table was not counted for, is marked not interned, and the table drops them again.
    /// </summary>
    private void ClearInterned()
    {
        foreach (nint s in _interned.Values)
        {
            ((PyAsciiObject*)s)->State &= ~StateInternedMask;
        }

        _interned.Clear();
        _nameKey = 0;
        _builtinsKey = 0;
    }

    private static string InternKey(PyObject* s)
    {
        int kind = StrKind(s);
        int n = (int)StrLength(s);
        byte* data = StrData(s);
        return kind switch
        {
            1 => string.Create(n + 1, (nint)data, static (span, d) =>
            {
                span[0] = '1';
                for (int i = 1; i < span.Length; i++)
                {
                    span[i] = (char)((byte*)d)[i - 1];
                }
            }),
            2 => string.Concat("2", new string((char*)data, 0, n)),
            _ => string.Concat("4", new string((char*)data, 0, 2 * n)),
        };
    }
}
