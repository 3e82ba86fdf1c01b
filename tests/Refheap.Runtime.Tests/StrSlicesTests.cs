using System;
using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>
/// The data-level str builders (PyRuntime.StrSlices.cs) against NewStrFromCodePoints of the
/// same code points: equal text, kind, size and singleton identity, for seeded random strs
/// of every kind (ASCII, latin-1, UCS-2 with lone surrogates, UCS-4).
/// </summary>
public unsafe class StrSlicesTests
{
    private static readonly int[][] Alphabets =
    [
        ['a', 'B', ' ', '\t', '0'],
        ['a', 0xE9, 0xFF, 0x80, ' '],
        ['x', 0x3A3, 0xD800, 0xDFFF, 0xFFFF, 0xE9],
        ['q', 0x1F600, 0x10FFFF, 0x3A3, 0xA0],
    ];

    private static int[] RandomCodePoints(Random rng)
    {
        int[] alphabet = Alphabets[rng.Next(Alphabets.Length)];
        int[] extra = Alphabets[rng.Next(Alphabets.Length)];
        var cps = new int[rng.Next(0, 9)];
        for (int i = 0; i < cps.Length; i++)
        {
            cps[i] = rng.Next(4) == 0 ? extra[rng.Next(extra.Length)] : alphabet[rng.Next(alphabet.Length)];
        }

        return cps;
    }

    /// <summary>
    /// Equal strs; the same object exactly when the builder shares it: the empty str, and a
    /// latin-1 one-char str unless <paramref name="freshOneChar"/> (str.lower/upper of an ASCII
    /// str always make a new str, ascii_upper_or_lower's PyUnicode_New).
    /// </summary>
    private static void AssertSame(PyRuntime rt, PyObject* expected, PyObject* actual, bool freshOneChar = false)
    {
        Assert.True(actual != null);
        Assert.Equal(PyRuntime.StrCodePoints(expected), PyRuntime.StrCodePoints(actual));
        Assert.Equal(PyRuntime.StrKind(expected), PyRuntime.StrKind(actual));
        Assert.Equal(PyRuntime.StrIsAscii(expected), PyRuntime.StrIsAscii(actual));
        Assert.Equal(rt.SizeOf(expected), rt.SizeOf(actual));
        bool shared = PyRuntime.StrLength(expected) == 0
            || (!freshOneChar && PyRuntime.StrLength(expected) == 1 && PyRuntime.StrRead(expected, 0) < 256);
        Assert.Equal(shared, expected == actual);
        rt.DecRef(expected);
        rt.DecRef(actual);
    }

    [Fact]
    public void Substrings_joins_and_ascii_case_match_the_code_point_builder()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var rng = new Random(112358);
        for (int round = 0; round < 5000; round++)
        {
            int[] cps = RandomCodePoints(rng);
            PyObject* s = rt.NewStrFromCodePoints(cps);
            int start = rng.Next(0, cps.Length + 1);
            int length = rng.Next(0, cps.Length - start + 1);
            AssertSame(rt, rt.NewStrFromCodePoints(cps.AsSpan(start, length)), rt.StrSubstring(s, start, length));

            if (PyRuntime.StrIsAscii(s))
            {
                var lower = Array.ConvertAll(cps, c => c is >= 'A' and <= 'Z' ? c + 32 : c);
                var upper = Array.ConvertAll(cps, c => c is >= 'a' and <= 'z' ? c - 32 : c);
                AssertSame(rt, rt.NewStrFromCodePoints(lower), rt.StrAsciiCase(s, upper: false), freshOneChar: true);
                AssertSame(rt, rt.NewStrFromCodePoints(upper), rt.StrAsciiCase(s, upper: true), freshOneChar: true);
            }

            int count = rng.Next(2, 5);
            int[] sepSource = RandomCodePoints(rng);
            int[] sepCps = sepSource[..Math.Min(sepSource.Length, rng.Next(0, 3))];
            PyObject* sep = rt.NewStrFromCodePoints(sepCps);
            var items = new PyObject*[count];
            var joined = new List<int>();
            for (int i = 0; i < count; i++)
            {
                int[] item = RandomCodePoints(rng);
                items[i] = rt.NewStrFromCodePoints(item);
                if (i > 0)
                {
                    joined.AddRange(sepCps);
                }

                joined.AddRange(item);
            }

            fixed (PyObject** p = items)
            {
                AssertSame(rt, rt.NewStrFromCodePoints(joined.ToArray()), rt.StrJoinExact(sep, p, count));
            }

            foreach (PyObject* item in items)
            {
                rt.DecRef(item);
            }

            rt.DecRef(sep);
            rt.DecRef(s);
        }

        t.AssertNoLeaks();
    }
}
