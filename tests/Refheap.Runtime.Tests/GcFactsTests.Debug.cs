using System;
using System.Collections.Generic;
using System.Linq;
using Refheap.Runtime.Gc;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

public unsafe partial class GcFactsTests
{
    /// <summary>Data/gc/debug_flags.py. The collector's stderr is the runtime's Stderr.</summary>
    [Fact]
    public void Debug_flags()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var o = new FactLog();
        PyTypeObject* classA = rt.NewClass("A");
        PyTypeObject* classD = rt.NewClass("D");
        rt.SetDel(classD, _ => rt.Stderr.Write("D.__del__ called\n"));

        void Fresh(GcDebugFlags flags)
        {
            rt.GcDebug = GcDebugFlags.None;
            rt.Collect();
            rt.GcDebug = flags;
        }

        rt.Collect();
        rt.Freeze();
        o.Print("get_debug:", (int)rt.GcDebug);
        o.Print("DEBUG_LEAK:", (int)GcDebugFlags.Leak);

        Fresh(GcDebugFlags.Stats | GcDebugFlags.Collectable | GcDebugFlags.Uncollectable);
        PyObject* a = rt.NewInstance(classA);
        PyObject* b = rt.NewInstance(classA);
        rt.Set(a, "other", b);
        rt.Set(b, "other", a);
        rt.Del(a, b);
        long n = rt.Collect();
        rt.Stderr.Write($"collect returned {n}\n");

        Fresh(GcDebugFlags.Stats | GcDebugFlags.Collectable | GcDebugFlags.Uncollectable);
        PyObject* s = rt.StrObj("s");
        PyObject* pair = rt.TupleOf(s, s);
        PyObject* keep = rt.ListOf(s, pair);
        rt.Del(pair);
        PyObject* d = rt.NewInstance(classD);
        rt.Set(d, "me", d);
        rt.Del(d);
        n = rt.Collect(0);
        rt.Stderr.Write($"collect(0) returned {n}\n");

        Fresh(GcDebugFlags.Stats);
        n = rt.Collect(1);
        rt.Stderr.Write($"collect(1) returned {n}\n");

        Fresh(GcDebugFlags.Uncollectable);
        d = rt.NewInstance(classD);
        rt.Set(d, "me", d);
        rt.Del(d);
        n = rt.Collect();
        rt.Stderr.Write($"uncollectable only, __del__ cycle: {n}\n");
        Fresh(GcDebugFlags.None);

        rt.GcDebug = GcDebugFlags.SaveAll;
        o.Print("get_debug:", (int)rt.GcDebug);
        a = rt.NewInstance(classA);
        PyObject* items = rt.ListOf(a);
        rt.Set(a, "items", items);
        nint keepId = (nint)a;
        rt.Del(a, items);
        o.Print("saveall collect:", rt.Collect());
        PyObject* garbage = rt.Garbage;
        var names = new List<string>();
        for (int i = 0; i < PyRuntime.ListSize(garbage); i++)
        {
            names.Add(rt.TypeName(PyOps.ListGet(garbage, i)));
        }

        o.Print("garbage:", PyRuntime.ListSize(garbage), PyText.ListRepr(names), (nint)PyOps.ListGet(garbage, 0) == keepId);
        o.Print("saved objects are alive and untouched:", PyOps.ListGet(PyOps.ListGet(garbage, 1), 0) == PyOps.ListGet(garbage, 0));
        rt.GcDebug = GcDebugFlags.None;
        rt.ListClear(garbage);
        o.Print("collected once released:", rt.Collect(), PyRuntime.ListSize(garbage));

        o.Print("stderr:");
        foreach (string line in NormaliseGcDebugText(t.Stderr.ToString()))
        {
            o.Print(" ", line);
        }

        o.AssertMatchesRecording("debug_flags");
        rt.Unfreeze();
        rt.Del(s, keep);
        rt.DelClass(classA, classD);
        rt.AssertValid();
        t.AssertNoLeaks();
    }

    /// <summary>The script's normalise(): addresses, elapsed times and the permanent generation's size.</summary>
    private static IEnumerable<string> NormaliseGcDebugText(string text)
    {
        foreach (string raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            string line = string.Join(" ", raw.Split(' ').Select(w =>
            {
                if (w.StartsWith("0x", StringComparison.Ordinal))
                {
                    return "0xADDR" + (w.EndsWith('>') ? ">" : "");
                }

                if (w.Length > 1 && w.EndsWith('s') && w.Contains('.', StringComparison.Ordinal))
                {
                    string digits = w[..^1];
                    int dot = digits.IndexOf('.', StringComparison.Ordinal);
                    digits = digits.Remove(dot, 1);
                    if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
                    {
                        return "T.TTTTs";
                    }
                }

                return w;
            }));
            const string Permanent = "gc: objects in permanent generation: ";
            yield return line.StartsWith(Permanent, StringComparison.Ordinal) ? Permanent + "P" : line;
        }
    }
}
