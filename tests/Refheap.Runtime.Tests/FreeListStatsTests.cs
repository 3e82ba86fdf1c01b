using System.Collections.Generic;
using System.IO;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>The free-list section of sys._debugmallocstats (_PyObject_DebugTypeStats).</summary>
public sealed unsafe class FreeListStatsTests
{
    [Fact]
    public void The_section_lists_dict_float_list_and_tuple_sizes_1_to_20_with_their_counts()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        var floats = new List<nint>();
        for (int i = 0; i < 4; i++)
        {
            floats.Add((nint)rt.NewFloat(i + 0.5));
        }

        foreach (nint f in floats)
        {
            rt.DecRef((PyObject*)f);
        }

        PyObject* pair = rt.NewTuple(2);
        PyRuntime.TupleItems(pair)[0] = PyRuntime.NewRef(rt.None);
        PyRuntime.TupleItems(pair)[1] = PyRuntime.NewRef(rt.None);
        rt.DecRef(pair);

        var sw = new StringWriter();
        rt.WriteFreeListStats(sw);
        string[] lines = sw.ToString().Split('\n');

        Assert.Equal(24, lines.Length); // 23 lines and the empty string after the last newline
        Assert.Matches(@"^ +\d+ free PyDictObjects \* 48 bytes each = +[\d,]+$", lines[0]);
        Assert.Matches(@"^ +\d+ free PyListObjects \* 40 bytes each = +[\d,]+$", lines[2]);

        // Lines as CPython 3.11 prints them (recorded from python3 -c "import sys; sys._debugmallocstats()").
        Assert.Equal("           4 free PyFloatObjects * 24 bytes each =                   96", lines[1]);
        Assert.StartsWith($"   {rt.TupleFreeCount(2)} free 2-sized PyTupleObjects * 40 bytes each =", lines[4], System.StringComparison.Ordinal);
        Assert.Equal(" 0 free 20-sized PyTupleObjects * 184 bytes each =                    0", lines[22]);
        t.AssertNoLeaks();
    }
}
