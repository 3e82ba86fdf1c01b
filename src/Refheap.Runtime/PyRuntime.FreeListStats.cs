using System;
using System.Globalization;
using System.IO;
using System.Text;
using Refheap.Memory;

namespace Refheap.Runtime;

/// <summary>
/// The object section of <c>sys._debugmallocstats()</c>: CPython 3.11's
/// _PyObject_DebugTypeStats prints the free lists of dict, float, list and tuple (sizes 1..20,
/// although only 1..19 are ever reused), in that order, each with its object size without the
/// GC head.
/// </summary>
public sealed unsafe partial class PyRuntime
{
    /// <summary>Writes the free-list section, laid out as CPython writes it.</summary>
    public void WriteFreeListStats(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sb = new StringBuilder();
        MallocStatsReport.AppendBlockStats(sb, "free PyDictObject", DictFreeCount, 48);
        MallocStatsReport.AppendBlockStats(sb, "free PyFloatObject", FloatFreeCount, 24);
        MallocStatsReport.AppendBlockStats(sb, "free PyListObject", ListFreeCount, 40);
        for (int size = 1; size <= TupleMaxSaveSize; size++)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"free {size}-sized PyTupleObject");
            MallocStatsReport.AppendBlockStats(sb, name, TupleFreeCount(size), 24 + (8 * size));
        }

        output.Write(sb.ToString());
    }
}
