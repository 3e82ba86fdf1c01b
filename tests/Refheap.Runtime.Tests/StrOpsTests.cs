using System;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

public unsafe class StrOpsTests
{
    [Fact]
    public void Repr_matches_CPython_for_recorded_strings()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        int rows = 0;
        foreach (string[] row in RecordedData.Rows("cpython311-str-repr.tsv"))
        {
            PyObject* s = rt.NewStrFromCodePoints(RecordedData.CodePoints(row[0]));
            PyObject* r = s->Type->Repr(rt, s);
            Assert.Equal(RecordedData.CodePoints(row[1]), PyRuntime.StrCodePoints(r));
            rt.DecRef(r);
            rt.DecRef(s);
            rows++;
        }

        Assert.True(rows > 400);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Repr_quoting_rules()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        (string Text, string Repr)[] cases =
        [
            ("", "''"), ("a", "'a'"), ("'", "\"'\""), ("\"", "'\"'"), ("'\"", "'\\'\"'"), ("\\", "'\\\\'"),
            ("a\tb\nc\rd", "'a\\tb\\nc\\rd'"), ("\u0000\u007f\u0080\u00a0\u00ad", "'\\x00\\x7f\\x80\\xa0\\xad'"),
            ("caf\u00e9 \u20ac", "'caf\u00e9 \u20ac'"), ("\u2028\ufeff", "'\\u2028\\ufeff'"), ("\U0001F600", "'\U0001F600'"),
            ("\U000E0001", "'\\U000e0001'"), ("it's", "\"it's\""),
        ];
        foreach ((string text, string repr) in cases)
        {
            using PyRef s = rt.Str(text);
            Assert.Equal(repr, rt.ReprString(s.Address));
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Isprintable_is_Unicode_14_as_in_CPython_3_11()
    {
        Assert.Equal("14.0.0", Runtime.Types.UnicodePrintable.UnicodeVersion);
        Assert.True(PyRuntime.IsPrintable(' '));
        Assert.True(PyRuntime.IsPrintable('~'));
        Assert.False(PyRuntime.IsPrintable(0x7F));
        Assert.False(PyRuntime.IsPrintable(0x1F));
        Assert.False(PyRuntime.IsPrintable(0xA0));
        Assert.True(PyRuntime.IsPrintable(0xA1));
        Assert.False(PyRuntime.IsPrintable(0xAD));
        Assert.True(PyRuntime.IsPrintable(0x20AC));
        Assert.False(PyRuntime.IsPrintable(0x0378));
        Assert.False(PyRuntime.IsPrintable(0xD800));
        Assert.True(PyRuntime.IsPrintable(0x1F600));

        // U+1F6DC (WIRELESS) was assigned in Unicode 15.0, after 3.11's tables.
        Assert.False(PyRuntime.IsPrintable(0x1F6DC));
        Assert.False(PyRuntime.IsPrintable(0x10FFFF));
    }

    [Fact]
    public void Concat_picks_the_narrowest_kind_and_returns_an_operand_for_an_empty_side()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        {
            using PyRef ab = rt.Str("ab");
            using PyRef euro = rt.Str("\u20ac");
            using PyRef smile = rt.Str("\U0001F600");
            using PyRef e = rt.Str("\u00e9");
            (PyRef A, PyRef B, string Text, int Size)[] cases =
            [
                (ab, ab, "abab", 53), (ab, e, "ab\u00e9", 76), (ab, euro, "ab\u20ac", 80), (euro, smile, "\u20ac\U0001F600", 84),
                (e, ab, "\u00e9ab", 76),
            ];
            foreach ((PyRef a, PyRef b, string text, int size) in cases)
            {
                using PyRef r = rt.Own(rt.StrConcat(a.Address, b.Address));
                Assert.Equal(text, PyRuntime.StrToString(r.Address));
                Assert.Equal(size, r.SizeOf);
            }

            using PyRef same = rt.Own(rt.StrConcat(ab.Address, rt.EmptyStr));
            Assert.True(same.Address == ab.Address);
            using PyRef same2 = rt.Own(rt.StrConcat(rt.EmptyStr, euro.Address));
            Assert.True(same2.Address == euro.Address);
            using PyRef one = rt.Own(rt.NewInt(1));
            IntArithmeticTests.AssertError(rt, rt.StrConcat(ab.Address, one.Address), "TypeError: can only concatenate str (not \"int\") to str");
            IntArithmeticTests.AssertError(rt, rt.StrConcat(one.Address, ab.Address), "TypeError: must be str, not int");
            using PyRef str = rt.Own(rt.StrStr(ab.Address));
            Assert.True(str.Address == ab.Address);
        }

        t.AssertNoLeaks();
    }

    [Fact]
    public void Strings_from_code_points_use_the_singletons_and_reject_out_of_range_values()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* a = rt.NewStrFromCodePoints([0xFF]);
        PyObject* b = rt.NewStrFromCodePoints([0xFF]);
        Assert.True(a == b);
        PyObject* c = rt.NewStrFromCodePoints([0x100]);
        PyObject* d = rt.NewStrFromCodePoints([0x100]);
        Assert.False(c == d);
        Assert.True(rt.NewStrFromCodePoints([]) == rt.EmptyStr);
        rt.DecRef(rt.EmptyStr);
        IntArithmeticTests.AssertError(rt, rt.NewStrFromCodePoints([0x110000]), "ValueError: character U+110000 is not in range [U+0000; U+10ffff]");
        Assert.Equal([0x100], PyRuntime.StrCodePoints(c));
        foreach (nint o in new[] { (nint)a, (nint)b, (nint)c, (nint)d })
        {
            rt.DecRef((PyObject*)o);
        }

        Assert.Throws<ArgumentNullException>(() => rt.IntFromString(null!));
        t.AssertNoLeaks();
    }
}
