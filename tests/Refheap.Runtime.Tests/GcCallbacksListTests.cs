using System.Collections.Generic;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>gc.callbacks as a Python list: cb(phase, info) with CPython's info dict.</summary>
public unsafe class GcCallbacksListTests
{
    private static readonly string[] s_infoKeys = ["generation", "collected", "uncollectable"];

    [Fact]
    public void Python_level_callbacks_receive_the_phase_and_the_info_dict()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var seen = new List<string>();
        PyObject* cb = rt.NewFunction((r, self, args) =>
        {
            PyObject* phase = PyRuntime.TupleItems(args)[0];
            PyObject* info = PyRuntime.TupleItems(args)[1];
            var parts = new List<string> { PyRuntime.StrToString(phase) };
            foreach (string key in s_infoKeys)
            {
                PyObject* k = r.NewStr(key);
                PyObject* v = r.DictGetItem(info, k);
                parts.Add(key + "=" + r.ReprString(v));
                r.DecRef(k);
            }

            parts.Add("len=" + r.DictSize(info));
            seen.Add(string.Join(" ", parts));
            return PyRuntime.NewRef(r.None);
        });
        Assert.True(rt.ListAppend(rt.GcCallbacksList, cb));
        rt.DecRef(cb);

        PyTypeObject* cls = rt.NewClass("A");
        using (PyRef a = rt.Instance(cls))
        {
            rt.SetAttr(a, "me", a);
        }

        rt.Collect(1);
        Assert.Equal(
            ["start generation=1 collected=0 uncollectable=0 len=3", "stop generation=1 collected=1 uncollectable=0 len=3"],
            seen);

        // A raising callback is unraisable and the collection goes on.
        PyObject* bad = rt.NewFunction((r, self, args) =>
        {
            r.SetError(r.ValueErrorType, "no");
            return null;
        });
        Assert.True(rt.ListAppend(rt.GcCallbacksList, bad));
        rt.DecRef(bad);
        seen.Clear();
        rt.Collect();
        Assert.Equal(2, seen.Count);
        Assert.Contains("ValueError: no", t.Stderr.ToString(), System.StringComparison.Ordinal);
        Assert.False(rt.ErrorOccurred);
        rt.DecRef((PyObject*)cls);
        rt.AssertValid();
        t.AssertNoLeaks();
    }
}
