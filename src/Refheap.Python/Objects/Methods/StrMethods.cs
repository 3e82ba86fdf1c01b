using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects.Methods;

// The methods of str (Objects/unicodeobject.c, 3.11): case mapping, predicates and padding
// here; searching, splitting, formatting and the dunders in the other parts.
internal static unsafe partial class StrMethods
{
    private const string T = "str";

    public static void Register()
    {
        RegisterCase();
        RegisterPredicates();
        RegisterPadding();
        RegisterSearch();
        RegisterSplit();
        RegisterMisc();
        RegisterDunders();
        StrFormat.Register();
    }

    private static void Add(string name, VectorCall body) => BuiltinMethods.Add(T, name, body);

    /// <summary>A new str of the code points.</summary>
    internal static PyObject* New(PyRuntime rt, ReadOnlySpan<int> cps) => rt.NewStrFromCodePoints(cps);

    internal static PyObject* New(PyRuntime rt, List<int> cps) => rt.NewStrFromCodePoints(CollectionsMarshal.AsSpan(cps));

    /// <summary>unicode_result_unchanged: self when an exact str, else an exact copy.</summary>
    internal static PyObject* Unchanged(PyRuntime rt, PyObject* self) => rt.StrStr(self);

    /// <summary>
    /// A method without arguments ("str.NAME() takes no arguments (N given)") mapping the code
    /// points. With asciiUpper set, an ASCII str takes StrAsciiCase instead (upper: true,
    /// lower and casefold: false).
    /// </summary>
    private static void AddNoArgs(string name, Func<int[], List<int>> transform, bool? asciiUpper = null)
    {
        Add(name, (rt, self, args, n, kw) =>
        {
            if (!((n == 0 && kw == null) || ArgParse.NoArgs(rt, T + "." + name, n, kw)))
            {
                return null;
            }

            if (asciiUpper.HasValue && PyRuntime.StrIsAscii(self))
            {
                return rt.StrAsciiCase(self, asciiUpper.Value);
            }

            // case_operation builds a new str even for one character (no shared latin-1 str).
            return rt.NewStrFromCodePoints(CollectionsMarshal.AsSpan(transform(PyRuntime.StrCodePoints(self))), shareOneChar: false);
        });
    }

    private static void AddPredicate(string name, Func<int[], bool> test)
    {
        Add(name, (rt, self, args, n, kw) =>
        {
            if (!((n == 0 && kw == null) || ArgParse.NoArgs(rt, T + "." + name, n, kw)))
            {
                return null;
            }

            return rt.NewBool(test(PyRuntime.StrCodePoints(self)));
        });
    }

    private static void RegisterCase()
    {
        AddNoArgs("lower", s =>
        {
            var o = new List<int>(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                AppendLower(o, s, i);
            }

            return o;
        }, asciiUpper: false);
        AddNoArgs("upper", s => Map(s, UnicodeTables.AppendUpper), asciiUpper: true);
        AddNoArgs("casefold", s => Map(s, UnicodeTables.AppendCasefold), asciiUpper: false);
        AddNoArgs("swapcase", s =>
        {
            var o = new List<int>(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                if (UnicodeTables.IsUpper(s[i]))
                {
                    AppendLower(o, s, i);
                }
                else if (UnicodeTables.IsLower(s[i]))
                {
                    UnicodeTables.AppendUpper(o, s[i]);
                }
                else
                {
                    o.Add(s[i]);
                }
            }

            return o;
        });
        AddNoArgs("title", s =>
        {
            var o = new List<int>(s.Length);
            bool previousCased = false;
            for (int i = 0; i < s.Length; i++)
            {
                if (previousCased)
                {
                    AppendLower(o, s, i);
                }
                else
                {
                    UnicodeTables.AppendTitle(o, s[i]);
                }

                previousCased = UnicodeTables.IsCased(s[i]);
            }

            return o;
        });
        AddNoArgs("capitalize", s =>
        {
            var o = new List<int>(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                if (i == 0)
                {
                    UnicodeTables.AppendTitle(o, s[i]);
                }
                else
                {
                    AppendLower(o, s, i);
                }
            }

            return o;
        });
    }

    private static List<int> Map(int[] s, Action<List<int>, int> map)
    {
        var o = new List<int>(s.Length);
        foreach (int c in s)
        {
            map(o, c);
        }

        return o;
    }

    /// <summary>The lower-case mapping of s[i], with the final-sigma rule for capital sigma.</summary>
    private static void AppendLower(List<int> o, int[] s, int i)
    {
        if (s[i] != 0x3A3)
        {
            UnicodeTables.AppendLower(o, s[i]);
            return;
        }

        int j = i - 1;
        while (j >= 0 && UnicodeTables.IsCaseIgnorable(s[j]))
        {
            j--;
        }

        bool final = j >= 0 && UnicodeTables.IsCased(s[j]);
        if (final)
        {
            j = i + 1;
            while (j < s.Length && UnicodeTables.IsCaseIgnorable(s[j]))
            {
                j++;
            }

            final = j == s.Length || !UnicodeTables.IsCased(s[j]);
        }

        o.Add(final ? 0x3C2 : 0x3C3);
    }

    private static bool All(int[] s, Func<int, bool> test)
    {
        if (s.Length == 0)
        {
            return false;
        }

        foreach (int c in s)
        {
            if (!test(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void RegisterPredicates()
    {
        AddPredicate("isalpha", s => All(s, UnicodeTables.IsAlpha));
        AddPredicate("isalnum", s => All(s, UnicodeTables.IsAlnum));
        AddPredicate("isdecimal", s => All(s, UnicodeTables.IsDecimal));
        AddPredicate("isdigit", s => All(s, UnicodeTables.IsDigit));
        AddPredicate("isnumeric", s => All(s, UnicodeTables.IsNumeric));
        AddPredicate("isspace", s => All(s, UnicodeTables.IsSpace));
        Add("isascii", (rt, self, args, n, kw) =>
            (n == 0 && kw == null) || ArgParse.NoArgs(rt, T + ".isascii", n, kw)
                ? rt.NewBool(PyRuntime.StrIsAscii(self))   // PEP 393's ascii flag, as CPython reads it
                : null);
        AddPredicate("isprintable", s => Array.TrueForAll(s, UnicodeTables.IsPrintable));
        AddPredicate("isidentifier", s =>
        {
            if (s.Length == 0 || !UnicodeTables.IsXidStart(s[0]))
            {
                return false;
            }

            for (int i = 1; i < s.Length; i++)
            {
                if (!UnicodeTables.IsXidContinue(s[i]))
                {
                    return false;
                }
            }

            return true;
        });
        AddPredicate("islower", s =>
        {
            bool cased = false;
            foreach (int c in s)
            {
                if (UnicodeTables.IsUpper(c) || UnicodeTables.IsTitle(c))
                {
                    return false;
                }

                cased |= UnicodeTables.IsLower(c);
            }

            return cased;
        });
        AddPredicate("isupper", s =>
        {
            bool cased = false;
            foreach (int c in s)
            {
                if (UnicodeTables.IsLower(c) || UnicodeTables.IsTitle(c))
                {
                    return false;
                }

                cased |= UnicodeTables.IsUpper(c);
            }

            return cased;
        });
        AddPredicate("istitle", s =>
        {
            bool cased = false;
            bool previousCased = false;
            foreach (int c in s)
            {
                if (UnicodeTables.IsUpper(c) || UnicodeTables.IsTitle(c))
                {
                    if (previousCased)
                    {
                        return false;
                    }

                    previousCased = true;
                    cased = true;
                }
                else if (UnicodeTables.IsLower(c))
                {
                    if (!previousCased)
                    {
                        return false;
                    }

                    previousCased = true;
                    cased = true;
                }
                else
                {
                    previousCased = false;
                }
            }

            return cased;
        });
    }

    /// <summary>The fill character argument of center/ljust/rjust.</summary>
    private static bool FillChar(PyRuntime rt, nint n, PyObject** args, out int fill)
    {
        fill = ' ';
        if (n < 2)
        {
            return true;
        }

        PyObject* f = args[1];
        if (!PyRuntime.IsStr(f))
        {
            rt.SetError(rt.TypeErrorType, $"The fill character must be a unicode character, not {rt.TypeName(f)}");
            return false;
        }

        if (PyRuntime.StrLength(f) != 1)
        {
            rt.SetError(rt.TypeErrorType, "The fill character must be exactly one character long");
            return false;
        }

        fill = PyRuntime.StrRead(f, 0);
        return true;
    }

    private static void AddPad(string name, Func<nint, nint, (nint Left, nint Right)> split)
    {
        Add(name, (rt, self, args, n, kw) =>
        {
            if (!(kw == null || ArgParse.NoKeywords(rt, T + "." + name, kw)) || !ArgParse.Positional(rt, name, n, 1, 2))
            {
                return null;
            }

            if (!MethodArgs.AsSsize(rt, args[0], out nint width) || !FillChar(rt, n, args, out int fill))
            {
                return null;
            }

            nint len = PyRuntime.StrLength(self);
            if (width <= len)
            {
                return Unchanged(rt, self);
            }

            (nint left, nint right) = split(width - len, width);
            return Pad(rt, PyRuntime.StrCodePoints(self), left, right, fill);
        });
    }

    internal static PyObject* Pad(PyRuntime rt, int[] s, nint left, nint right, int fill)
    {
        if (left + s.Length + right > int.MaxValue / 2)
        {
            rt.SetError(rt.MemoryErrorType, "");
            return null;
        }

        var o = new int[left + s.Length + right];
        o.AsSpan(0, (int)left).Fill(fill);
        s.CopyTo(o, left);
        o.AsSpan((int)(left + s.Length)).Fill(fill);
        return New(rt, o);
    }

    /// <summary>How center splits the margin: the odd extra column goes left when the width is odd.</summary>
    internal static (nint Left, nint Right) CenterSplit(nint margin, nint width)
    {
        nint left = (margin / 2) + (margin & width & 1);
        return (left, margin - left);
    }

    private static void RegisterPadding()
    {
        AddPad("center", CenterSplit);
        AddPad("ljust", (m, w) => (0, m));
        AddPad("rjust", (m, w) => (m, 0));
        Add("zfill", (rt, self, args, n, kw) =>
        {
            if (!ArgParse.OneArg(rt, T + ".zfill", n, kw) || !MethodArgs.AsSsize(rt, args[0], out nint width))
            {
                return null;
            }

            int[] s = PyRuntime.StrCodePoints(self);
            if (width <= s.Length)
            {
                return Unchanged(rt, self);
            }

            nint fill = width - s.Length;
            var o = new int[width];
            o.AsSpan(0, (int)fill).Fill('0');
            s.CopyTo(o, fill);
            if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
            {
                o[0] = s[0];
                o[fill] = '0';
            }

            return New(rt, o);
        });
    }
}
