using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Refheap.Memory;

/// <summary>
/// The allocator section of <c>sys._debugmallocstats()</c> (obmalloc.c:
/// _PyObject_DebugMallocStats, 3.11), byte for byte in layout, so that a report from
/// Refheap and one from CPython can be diffed line by line.
/// </summary>
public static class MallocStatsReport
{
    /// <summary>The column of the '=' in a summary line (printone pads the label to 35).</summary>
    public const int LabelWidth = 35;

    /// <summary>Width of the value after '=' (printone's 21 columns, commas included).</summary>
    public const int ValueWidth = 21;

    public static void Write(TextWriter output, AllocatorStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Format(stats));
    }

    public static string Format(AllocatorStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"Small block threshold = {SizeClasses.SmallRequestThreshold}, in {SizeClasses.Count} size classes.\n");
        sb.Append('\n');
        sb.Append("class   size   num pools   blocks in use  avail blocks\n");
        sb.Append("-----   ----   ---------   -------------  ------------\n");
        foreach (SizeClassStatistics c in stats.Classes)
        {
            if (c.Pools == 0)
            {
                continue;
            }

            // "%5u %6u %11zu %15zu %13zu\n"
            sb.Append(inv, $"{c.Index,5} {c.BlockSize,6} {c.Pools,11} {c.BlocksInUse,15} {c.AvailableBlocks,13}\n");
        }

        sb.Append('\n');
        AppendLine(sb, "# arenas allocated total", stats.ArenasAllocatedTotal);
        AppendLine(sb, "# arenas reclaimed", stats.ArenasReclaimed);
        AppendLine(sb, "# arenas highwater mark", stats.ArenasHighWater);
        AppendLine(sb, "# arenas allocated current", stats.ArenasCurrent);
        AppendLine(sb, string.Create(inv, $"{stats.ArenasCurrent} arenas * {stats.ArenaSize} bytes/arena"),
            stats.ArenasCurrent * stats.ArenaSize);

        sb.Append('\n');
        long total = 0;
        total += AppendLine(sb, "# bytes in allocated blocks", stats.BytesInAllocatedBlocks);
        total += AppendLine(sb, "# bytes in available blocks", stats.BytesInAvailableBlocks);
        total += AppendLine(sb, string.Create(inv, $"{stats.UnusedPools} unused pools * {stats.PoolSize} bytes"),
            stats.UnusedPools * stats.PoolSize);
        total += AppendLine(sb, "# bytes lost to pool headers", stats.BytesLostToPoolHeaders);
        total += AppendLine(sb, "# bytes lost to quantization", stats.BytesLostToQuantization);
        total += AppendLine(sb, "# bytes lost to arena alignment", stats.BytesLostToArenaAlignment);
        AppendLine(sb, "Total", total);

        sb.Append("\narena map counts\n");
        AppendLine(sb, "# arena map mid nodes", stats.ArenaMapMidNodes);
        AppendLine(sb, "# arena map bot nodes", stats.ArenaMapBotNodes);
        sb.Append('\n');
        long mapTotal = 0;
        mapTotal += AppendLine(sb, "# bytes lost to arena map root", ArenaMap.RootBytes);
        mapTotal += AppendLine(sb, "# bytes lost to arena map mid", (long)stats.ArenaMapMidNodes * ArenaMap.MidBytes);
        mapTotal += AppendLine(sb, "# bytes lost to arena map bot", (long)stats.ArenaMapBotNodes * ArenaMap.BotBytes);
        AppendLine(sb, "Total", mapTotal);
        return sb.ToString();
    }

    /// <summary>
    /// obmalloc.c: _PyDebugAllocatorStats, the line each free list prints in the second
    /// section of <c>sys._debugmallocstats()</c>: "N NAMEs * SIZE bytes each" right-aligned
    /// in 48 columns and a space, then printone's '=' and total.
    /// </summary>
    public static void AppendBlockStats(StringBuilder sb, string blockName, int count, long blockSize)
    {
        ArgumentNullException.ThrowIfNull(sb);
        string label = string.Create(CultureInfo.InvariantCulture, $"{count} {blockName}s * {blockSize} bytes each");
        AppendLine(sb, label.PadLeft(48) + " ", count * blockSize);
    }

    /// <summary>obmalloc.c: printone. The label padded to 35 columns, '=', the value with commas in 21.</summary>
    private static long AppendLine(StringBuilder sb, string label, long value)
    {
        sb.Append(label);
        if (label.Length < LabelWidth)
        {
            sb.Append(' ', LabelWidth - label.Length);
        }

        sb.Append('=');
        sb.Append(value.ToString("N0", CultureInfo.InvariantCulture).PadLeft(ValueWidth));
        sb.Append('\n');
        return value;
    }
}
