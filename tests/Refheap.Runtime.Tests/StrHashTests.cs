using System.Globalization;
using System.Linq;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

/// <summary>str hashes are CPython 3.11's SipHash-1-3 values under PYTHONHASHSEED=0 (docs/deviations.md).</summary>
public unsafe class StrHashTests
{
    [Fact]
    public void Str_hashes_match_CPython_with_PYTHONHASHSEED_0()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        int checkedCount = 0;
        foreach (string[] row in RecordedData.Rows("cpython311-str-hash.tsv"))
        {
            int[] codePoints = row[0] == "-"
                ? []
                : row[0].Split(' ').Select(h => int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
            PyObject* s = rt.NewStrFromCodePoints(codePoints);
            Assert.True(s != null);
            Assert.Equal(RecordedData.Long(row[1]), (long)s->Type->Hash(rt, s));
            rt.DecRef(s);
            checkedCount++;
        }

        Assert.True(checkedCount > 70);
        t.AssertNoLeaks();
    }
}
