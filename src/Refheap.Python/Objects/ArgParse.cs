using System.Runtime.CompilerServices;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects;

/// <summary>
/// Argument checking for builtins, with the messages CPython 3.11's argument parsers give
/// (Python/getargs.c: _PyArg_CheckPositional, _PyArg_NoKeywords, _PyArg_UnpackKeywords;
/// METH_NOARGS and METH_O call checks in Objects/methodobject.c).
/// </summary>
internal static unsafe class ArgParse
{
    /// <summary>_PyArg_NoKeywords: "NAME() takes no keyword arguments".</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NoKeywords(PyRuntime rt, string fname, PyObject* kwnames) =>
        kwnames == null || PyRuntime.TupleSize(kwnames) == 0 || KeywordsGiven(rt, fname);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool KeywordsGiven(PyRuntime rt, string fname)
    {
        rt.SetError(rt.TypeErrorType, $"{fname}() takes no keyword arguments");
        return false;
    }

    /// <summary>METH_NOARGS: "NAME() takes no arguments (N given)".</summary>
    public static bool NoArgs(PyRuntime rt, string fname, nint nargs, PyObject* kwnames)
    {
        if (!NoKeywords(rt, fname, kwnames))
        {
            return false;
        }

        if (nargs != 0)
        {
            rt.SetError(rt.TypeErrorType, $"{fname}() takes no arguments ({nargs} given)");
            return false;
        }

        return true;
    }

    /// <summary>METH_O: "NAME() takes exactly one argument (N given)".</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OneArg(PyRuntime rt, string fname, nint nargs, PyObject* kwnames) =>
        (nargs == 1 && kwnames == null) || OneArgSlow(rt, fname, nargs, kwnames);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool OneArgSlow(PyRuntime rt, string fname, nint nargs, PyObject* kwnames)
    {
        if (!NoKeywords(rt, fname, kwnames))
        {
            return false;
        }

        if (nargs != 1)
        {
            rt.SetError(rt.TypeErrorType, $"{fname}() takes exactly one argument ({nargs} given)");
            return false;
        }

        return true;
    }

    /// <summary>_PyArg_CheckPositional: "NAME expected at least/most N argument(s), got M" (no parentheses, as CPython).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Positional(PyRuntime rt, string fname, nint nargs, int min, int max, PyObject* kwnames = null) =>
        (kwnames == null && nargs >= min && nargs <= max) || PositionalSlow(rt, fname, nargs, min, max, kwnames);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool PositionalSlow(PyRuntime rt, string fname, nint nargs, int min, int max, PyObject* kwnames)
    {
        if (!NoKeywords(rt, fname, kwnames))
        {
            return false;
        }

        if (nargs < min)
        {
            rt.SetError(rt.TypeErrorType, min == max
                ? $"{fname} expected {min} argument{(min == 1 ? "" : "s")}, got {nargs}"
                : $"{fname} expected at least {min} argument{(min == 1 ? "" : "s")}, got {nargs}");
            return false;
        }

        if (nargs > max)
        {
            rt.SetError(rt.TypeErrorType, min == max
                ? $"{fname} expected {max} argument{(max == 1 ? "" : "s")}, got {nargs}"
                : $"{fname} expected at most {max} argument{(max == 1 ? "" : "s")}, got {nargs}");
            return false;
        }

        return true;
    }

    /// <summary>
    /// _PyArg_UnpackKeywords: fills <paramref name="output"/> (length names.Length) with
    /// borrowed arguments by position or keyword; missing optional ones are null. The first
    /// <paramref name="posOnly"/> names cannot be given by keyword.
    /// </summary>
    public static bool Parse(PyRuntime rt, string fname, PyObject** args, nint nargs, PyObject* kwnames,
        string[] names, int required, PyObject** output, int posOnly = 0)
    {
        int total = names.Length;
        for (int i = 0; i < total; i++)
        {
            output[i] = null;
        }

        nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
        if (nargs > total)
        {
            rt.SetError(rt.TypeErrorType, total == 0
                ? $"{fname}() takes no positional arguments"
                : $"{fname}() takes at most {total} argument{(total == 1 ? "" : "s")} ({nargs + nkw} given)");
            return false;
        }

        for (nint i = 0; i < nargs; i++)
        {
            output[i] = args[i];
        }

        for (nint k = 0; k < nkw; k++)
        {
            string key = PyRuntime.StrToString(PyRuntime.TupleItems(kwnames)[k]);
            int index = System.Array.IndexOf(names, key);
            if (index < 0 || index < posOnly)
            {
                rt.SetError(rt.TypeErrorType, $"'{key}' is an invalid keyword argument for {fname}()");
                return false;
            }

            if (output[index] != null)
            {
                rt.SetError(rt.TypeErrorType, $"argument for {fname}() given by name ('{key}') and position ({index + 1})");
                return false;
            }

            output[index] = args[nargs + k];
        }

        for (int i = 0; i < required; i++)
        {
            if (output[i] == null)
            {
                rt.SetError(rt.TypeErrorType, i < posOnly || nkw == 0 && i >= nargs && required > nargs && false
                    ? $"{fname}() takes at least {required} positional argument{(required == 1 ? "" : "s")} ({nargs} given)"
                    : $"{fname}() missing required argument '{names[i]}' (pos {i + 1})");
                return false;
            }
        }

        return true;
    }
}
