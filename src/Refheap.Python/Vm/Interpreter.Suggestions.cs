using System;
using System.Collections.Generic;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// "Did you mean: 'x'?" for AttributeError and NameError (Python/suggestions.c, 3.11):
// the closest candidate by a Levenshtein distance where a case change costs 1 and any other
// edit 2, within a third of the characters involved.
internal sealed unsafe partial class Interpreter
{
    private const int MaxCandidateItems = 750;
    private const int MaxStringSize = 40;
    private const int MoveCost = 2;
    private const int CaseCost = 1;

    /// <summary>Records name (and obj) on an AttributeError/NameError just raised, as 3.10+ does.</summary>
    private void TagNameError(PyObject* name, PyObject* obj)
    {
        PyObject* exc = Rt.CurrentException;
        if (exc == null)
        {
            return;
        }

        SetExceptionExtra(exc, "name", name);
        if (obj != null)
        {
            SetExceptionExtra(exc, "obj", obj);
        }
    }

    /// <summary>The suggestion text (". Did you mean: 'x'?") for an AttributeError or NameError, or "".</summary>
    private string Suggestion(PyObject* exc)
    {
        PyRuntime rt = Rt;
        PyObject* name = rt.InstanceGetAttr(exc, Str("name"));
        if (name == null || !PyRuntime.IsStr(name))
        {
            return "";
        }

        string target = PyRuntime.StrToString(name);
        string? best = null;
        if (PyRuntime.IsSubtypeMro(exc->Type, rt.AttributeErrorType))
        {
            PyObject* obj = rt.InstanceGetAttr(exc, Str("obj"));
            if (obj == null)
            {
                return "";
            }

            PyObject* dir = Dir(obj);
            if (dir == null)
            {
                rt.ClearError();
                return "";
            }

            best = Closest(target, Names(dir));
            rt.DecRef(dir);
        }
        else if (PyRuntime.IsSubtypeMro(exc->Type, NameErrorType))
        {
            PyObject* tb = ExceptionTraceback(exc);
            if (tb == null)
            {
                return "";
            }

            var t = (PyTracebackObject*)tb;
            while (t->Next != null)
            {
                t = t->Next;
            }

            InterpreterFrame* f = t->Frame->Frame;
            PyObject* locals = FrameLocals(f);
            best = Closest(target, DictNames(locals));
            rt.DecRef(locals);
            best ??= Closest(target, DictNames(f->Globals));
            best ??= Closest(target, DictNames(f->Builtins));
        }

        return best == null ? "" : $". Did you mean: '{best}'?";
    }

    private static List<string> Names(PyObject* list)
    {
        var names = new List<string>();
        foreach (nint p in ListSnapshot(list))
        {
            if (PyRuntime.IsStr((PyObject*)p))
            {
                names.Add(PyRuntime.StrToString((PyObject*)p));
            }
        }

        return names;
    }

    private List<string> DictNames(PyObject* dict)
    {
        if (dict == null || !PyRuntime.IsSubtype(dict->Type, Rt.DictType))
        {
            return [];
        }

        PyObject* keys = Rt.DictKeys(dict);
        List<string> names = Names(keys);
        Rt.DecRef(keys);
        return names;
    }

    private static string? Closest(string name, List<string> candidates)
    {
        if (candidates.Count > MaxCandidateItems || name.Length > MaxStringSize)
        {
            return null;
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string item in candidates)
        {
            if (item == name)
            {
                continue;
            }

            int max = (name.Length + item.Length + 3) * MoveCost / 6;
            max = Math.Min(max, bestDistance - 1);
            int d = Levenshtein(name, item, max);
            if (d > max)
            {
                continue;
            }

            if (best == null || d < bestDistance)
            {
                best = item;
                bestDistance = d;
            }
        }

        return best;
    }

    private static int SubstitutionCost(char a, char b)
    {
        if (a == b)
        {
            return 0;
        }

        return char.ToLowerInvariant(a) == char.ToLowerInvariant(b) ? CaseCost : MoveCost;
    }

    private static int Levenshtein(string a, string b, int max)
    {
        if (a == b)
        {
            return 0;
        }

        // Trim the common prefix and suffix.
        int start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        int endA = a.Length;
        int endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        a = a[start..endA];
        b = b[start..endB];
        if (a.Length == 0 || b.Length == 0)
        {
            return (a.Length + b.Length) * MoveCost;
        }

        if (a.Length > MaxStringSize || b.Length > MaxStringSize)
        {
            return max + 1;
        }

        if (b.Length < a.Length)
        {
            (a, b) = (b, a);
        }

        if ((b.Length - a.Length) * MoveCost > max)
        {
            return max + 1;
        }

        var buffer = new int[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            buffer[i] = (i + 1) * MoveCost;
        }

        int result = 0;
        for (int bi = 0; bi < b.Length; bi++)
        {
            char code = b[bi];
            int distance = result = bi * MoveCost;
            int minimum = int.MaxValue;
            for (int index = 0; index < a.Length; index++)
            {
                int substitute = distance + SubstitutionCost(code, a[index]);
                distance = buffer[index];
                int insertDelete = Math.Min(result, distance) + MoveCost;
                result = Math.Min(insertDelete, substitute);
                buffer[index] = result;
                if (result < minimum)
                {
                    minimum = result;
                }
            }

            if (minimum > max)
            {
                return max + 1;
            }
        }

        return result;
    }
}
