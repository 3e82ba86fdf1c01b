using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Refheap.Memory.Tests;

/// <summary>
/// WriteMallocStats against the structure of a real CPython 3.11 report
/// (Data/cpython311-debugmallocstats.txt, recorded by eng/record-mallocstats-sample): the same
/// fixed lines, the same fixed-width class table, the same summary labels in the same order
/// with '=' at column 35 and the value right-aligned in 21 columns; and numbers that add up
/// and agree with GetStatistics().
/// </summary>
public unsafe class ReportFormatTests
{
    private const string SampleFileName = "cpython311-debugmallocstats.txt";
    private const int CPythonPoolSize = 16384;

    // CPython 3.11's radix tree: 2^15 root and middle entries, 2^14 bottom entries, 8 bytes each.
    private const long ArenaMapRootBytes = (1L << 15) * 8;
    private const long ArenaMapMidNodeBytes = (1L << 15) * 8;
    private const long ArenaMapBotNodeBytes = (1L << 14) * 8;

    // Positions in the sequence of summary lines (the sample's order, checked by the tests).
    private const int ArenasTotal = 0;
    private const int ArenasReclaimed = 1;
    private const int ArenasHighWater = 2;
    private const int ArenasCurrent = 3;
    private const int ArenaBytes = 4;
    private const int AllocatedBytes = 5;
    private const int AvailableBytes = 6;
    private const int UnusedPoolBytes = 7;
    private const int PoolHeaderBytes = 8;
    private const int QuantizationBytes = 9;
    private const int AlignmentBytes = 10;
    private const int PoolTotal = 11;
    private const int MapMidNodes = 12;
    private const int MapBotNodes = 13;
    private const int MapRootBytes = 14;
    private const int MapMidBytes = 15;
    private const int MapBotBytes = 16;
    private const int MapTotal = 17;
    private const int SummaryCount = 18;

    private static readonly int[] s_rowWidths = [5, 6, 11, 15, 13];
    private static readonly Regex s_arenasLabel = new(@"^(\d+) arenas \* 1048576 bytes/arena$", RegexOptions.CultureInvariant);
    private static readonly Regex s_unusedPoolsLabel = new(@"^(\d+) unused pools \* (\d+) bytes$", RegexOptions.CultureInvariant);
    private static readonly Regex s_value = new(@"^ *\d{1,3}(,\d{3})*$", RegexOptions.CultureInvariant);

    [Fact]
    public void The_sample_is_a_CPython_311_report_that_adds_up()
    {
        Report sample = LoadSample();
        Assert.Equal("Small block threshold = 512, in 32 size classes.", sample.Lines[0].Text);
        Assert.Equal(SummaryCount, sample.Summaries.Count);
        Assert.NotEmpty(sample.Rows);
        CheckArithmetic(sample, CPythonPoolSize);
    }

    [Theory]
    [InlineData(AllocatorProfile.CPython311, CPythonPoolSize)]
    [InlineData(AllocatorProfile.Refheap, 4096)]
    public void A_heap_with_the_samples_classes_prints_the_samples_layout_line_for_line(AllocatorProfile profile, int poolSize)
    {
        Report sample = LoadSample();
        using var heap = new Allocator(new AllocatorOptions { Profile = profile });
        Assert.Equal(poolSize, heap.PoolSize);

        // The same classes in use as in the sample, with as many blocks: the same rows, so the
        // same number of lines.
        var blocksInUse = new long[SizeClasses.Count];
        foreach (ClassRow row in sample.Rows)
        {
            for (long i = 0; i < row.BlocksInUse; i++)
            {
                heap.Allocate(row.BlockSize);
            }

            blocksInUse[row.Index] = row.BlocksInUse;
        }

        Report ours = Render(heap, out AllocatorStatistics stats);
        Assert.Equal(sample.Lines.Count, ours.Lines.Count);
        Assert.Equal(Shape(sample, CPythonPoolSize), Shape(ours, poolSize));
        Assert.Equal(sample.Rows.Select(r => (r.Index, r.BlockSize)), ours.Rows.Select(r => (r.Index, r.BlockSize)));
        Assert.Equal(sample.Rows.Select(r => r.BlocksInUse), ours.Rows.Select(r => r.BlocksInUse));

        CheckArithmetic(ours, poolSize);
        CheckAgainstStatistics(ours, stats);
        for (int c = 0; c < SizeClasses.Count; c++)
        {
            Assert.Equal(blocksInUse[c], stats.Classes[c].BlocksInUse);
        }

        Assert.Equal(blocksInUse.Sum(), heap.GetAllocatedBlocks());
        heap.AssertValid();
    }

    [Theory]
    [InlineData(AllocatorProfile.CPython311, CPythonPoolSize)]
    [InlineData(AllocatorProfile.Refheap, 4096)]
    public void A_heap_that_grew_and_shrank_prints_the_samples_layout_and_adds_up(AllocatorProfile profile, int poolSize)
    {
        Report sample = LoadSample();
        using var heap = new Allocator(new AllocatorOptions { Profile = profile });
        var rng = new Random(1311);
        var blocks = new List<nint>();
        var expected = new long[SizeClasses.Count];
        for (int i = 0; i < 60_000; i++)
        {
            int size = rng.Next(4) == 0 ? rng.Next(1, 513) : rng.Next(1, 97);
            blocks.Add((nint)heap.Allocate(size));
            expected[SizeClasses.IndexOf(size)]++;
        }

        // Free the older two thirds (whole arenas empty and go back) and every third block of the
        // rest (pools become partly used and empty); keep a few raw blocks, which are not in the report.
        for (int i = 0; i < blocks.Count; i++)
        {
            if (i < 40_000 || i % 3 == 0)
            {
                long size = heap.BlockSizeOf((void*)blocks[i]);
                expected[SizeClasses.IndexOf(size)]--;
                heap.Free((void*)blocks[i]);
            }
        }

        void* raw = heap.Allocate(100_000);
        heap.ReleaseFreePages();
        heap.AssertValid();

        Report ours = Render(heap, out AllocatorStatistics stats);
        Assert.True(stats.ArenasReclaimed > 0, "the scenario should give arenas back");
        Assert.True(stats.UnusedPools > 0, "the scenario should leave unused pools");
        Assert.Equal(ShapeWithoutRows(sample, CPythonPoolSize), ShapeWithoutRows(ours, poolSize));
        CheckRowsFollowTheColumnHeader(ours);
        CheckArithmetic(ours, poolSize);
        CheckAgainstStatistics(ours, stats);
        for (int c = 0; c < SizeClasses.Count; c++)
        {
            Assert.Equal(expected[c], stats.Classes[c].BlocksInUse);
        }

        heap.Free(raw);
    }

    [Theory]
    [InlineData(AllocatorProfile.CPython311, CPythonPoolSize)]
    [InlineData(AllocatorProfile.Refheap, 4096)]
    [InlineData(AllocatorProfile.Python24, CPythonPoolSize)]
    public void An_empty_heap_prints_no_rows_and_zeros(AllocatorProfile profile, int poolSize)
    {
        Report sample = LoadSample();
        using var heap = new Allocator(new AllocatorOptions { Profile = profile });
        Report ours = Render(heap, out AllocatorStatistics stats);
        Assert.Empty(ours.Rows);
        Assert.Equal(ShapeWithoutRows(sample, CPythonPoolSize), ShapeWithoutRows(ours, poolSize));
        CheckArithmetic(ours, poolSize);
        CheckAgainstStatistics(ours, stats);
        Assert.Equal("0 arenas * 1048576 bytes/arena", ours.Summaries[ArenaBytes].Label);
        Assert.Equal(0, ours.Summaries[PoolTotal].Value);
    }

    [Fact]
    public void WriteMallocStats_writes_what_MallocStatsReport_formats()
    {
        using var heap = new Allocator(new AllocatorOptions { Profile = AllocatorProfile.CPython311 });
        for (int i = 1; i <= 512; i++)
        {
            heap.Allocate(i);
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        heap.WriteMallocStats(writer);
        Assert.Equal(MallocStatsReport.Format(heap.GetStatistics()), writer.ToString());
    }

    private static Report LoadSample()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", SampleFileName);
        Assert.True(File.Exists(path), $"{path} is missing: run eng/record-mallocstats-sample under CPython 3.11");
        return Parse(File.ReadAllText(path));
    }

    private static Report Render(Allocator heap, out AllocatorStatistics stats)
    {
        stats = heap.GetStatistics();
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        heap.WriteMallocStats(writer);
        return Parse(writer.ToString());
    }

    private static Report Parse(string text)
    {
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        string[] lines = text[..^1].Split('\n');
        var report = new Report();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (TryParseRow(line, out ClassRow row))
            {
                report.Lines.Add(new ReportLine(LineKind.ClassRow, line));
                report.Rows.Add(row);
                report.RowLines.Add(i);
            }
            else if (TryParseSummary(line, out SummaryLine summary))
            {
                report.Lines.Add(new ReportLine(LineKind.Summary, line));
                report.Summaries.Add(summary);
            }
            else
            {
                report.Lines.Add(new ReportLine(LineKind.Text, line));
            }
        }

        return report;
    }

    /// <summary>"%5u %6u %11zu %15zu %13zu": five right-aligned unsigned fields, one space apart.</summary>
    private static bool TryParseRow(string line, out ClassRow row)
    {
        row = default;
        int expectedLength = s_rowWidths.Sum() + s_rowWidths.Length - 1;
        if (line.Length != expectedLength)
        {
            return false;
        }

        var values = new long[s_rowWidths.Length];
        int at = 0;
        for (int f = 0; f < s_rowWidths.Length; f++)
        {
            if (f > 0)
            {
                if (line[at] != ' ')
                {
                    return false;
                }

                at++;
            }

            string field = line.Substring(at, s_rowWidths[f]);
            string digits = field.TrimStart(' ');
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            {
                return false;
            }

            values[f] = long.Parse(digits, CultureInfo.InvariantCulture);
            at += s_rowWidths[f];
        }

        row = new ClassRow((int)values[0], (int)values[1], values[2], values[3], values[4]);
        return true;
    }

    /// <summary>printone: the label padded to 35 columns, '=', the value with commas right-aligned in 21.</summary>
    private static bool TryParseSummary(string line, out SummaryLine summary)
    {
        summary = default;
        if (line.Length != MallocStatsReport.LabelWidth + 1 + MallocStatsReport.ValueWidth
            || line[MallocStatsReport.LabelWidth] != '=')
        {
            return false;
        }

        string label = line[..MallocStatsReport.LabelWidth].TrimEnd(' ');
        string value = line[(MallocStatsReport.LabelWidth + 1)..];
        if (label.Length == 0 || !s_value.IsMatch(value))
        {
            return false;
        }

        summary = new SummaryLine(label, long.Parse(value.Replace(",", "", StringComparison.Ordinal).TrimStart(' '), CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>
    /// One token per line: fixed text verbatim, "row" for a class-table row, and the summary
    /// label with the numbers inside "N arenas * ..." and "N unused pools * P bytes" generalised
    /// (after checking that P is the pool size).
    /// </summary>
    private static List<string> Shape(Report report, int poolSize)
    {
        var tokens = new List<string>();
        int summary = 0;
        foreach (ReportLine line in report.Lines)
        {
            tokens.Add(line.Kind switch
            {
                LineKind.Text => "text: " + line.Text,
                LineKind.ClassRow => "row",
                _ => "summary: " + GeneralLabel(report.Summaries[summary++].Label, poolSize),
            });
        }

        return tokens;
    }

    private static List<string> ShapeWithoutRows(Report report, int poolSize) =>
        Shape(report, poolSize).Where(t => t != "row").ToList();

    private static string GeneralLabel(string label, int poolSize)
    {
        if (s_arenasLabel.IsMatch(label))
        {
            return "N arenas * 1048576 bytes/arena";
        }

        Match unused = s_unusedPoolsLabel.Match(label);
        if (unused.Success)
        {
            Assert.Equal(poolSize.ToString(CultureInfo.InvariantCulture), unused.Groups[2].Value);
            return "N unused pools * POOL_SIZE bytes";
        }

        return label;
    }

    /// <summary>The class table sits right below its column headers, one row per class, ascending.</summary>
    private static void CheckRowsFollowTheColumnHeader(Report report)
    {
        int header = report.Lines.FindIndex(l => l.Text.StartsWith("-----", StringComparison.Ordinal));
        Assert.True(header > 0, "no column header line");
        for (int r = 0; r < report.RowLines.Count; r++)
        {
            Assert.Equal(header + 1 + r, report.RowLines[r]);
        }

        Assert.Equal(LineKind.Text, report.Lines[header + 1 + report.Rows.Count].Kind);
        Assert.Equal("", report.Lines[header + 1 + report.Rows.Count].Text);
        for (int r = 1; r < report.Rows.Count; r++)
        {
            Assert.True(report.Rows[r].Index > report.Rows[r - 1].Index, "class rows are not in ascending order");
        }
    }

    /// <summary>The sums CPython's report promises, on the report's own numbers.</summary>
    private static void CheckArithmetic(Report report, int poolSize)
    {
        Assert.Equal(SummaryCount, report.Summaries.Count);
        IReadOnlyList<SummaryLine> s = report.Summaries;
        CheckRowsFollowTheColumnHeader(report);

        // Arena counters.
        Assert.Equal(s[ArenasTotal].Value - s[ArenasCurrent].Value, s[ArenasReclaimed].Value);
        Assert.True(s[ArenasHighWater].Value >= s[ArenasCurrent].Value, "high water below current");
        Match arenas = s_arenasLabel.Match(s[ArenaBytes].Label);
        Assert.True(arenas.Success, s[ArenaBytes].Label);
        long arenaCount = long.Parse(arenas.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(s[ArenasCurrent].Value, arenaCount);
        Assert.Equal(arenaCount * SizeClasses.ArenaSize, s[ArenaBytes].Value);

        // The pool lines against the class table.
        Match unused = s_unusedPoolsLabel.Match(s[UnusedPoolBytes].Label);
        Assert.True(unused.Success, s[UnusedPoolBytes].Label);
        Assert.Equal(poolSize, int.Parse(unused.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(long.Parse(unused.Groups[1].Value, CultureInfo.InvariantCulture) * poolSize, s[UnusedPoolBytes].Value);

        long allocated = 0, available = 0, headers = 0, quantization = 0;
        foreach (ClassRow row in report.Rows)
        {
            Assert.Equal(SizeClasses.BlockSize(row.Index), row.BlockSize);
            Assert.True(row.Pools > 0, $"class {row.Index} printed with no pools");
            long capacity = (poolSize - SizeClasses.PoolOverhead) / row.BlockSize;
            Assert.Equal(row.Pools * capacity, row.BlocksInUse + row.AvailableBlocks);
            allocated += row.BlocksInUse * row.BlockSize;
            available += row.AvailableBlocks * row.BlockSize;
            headers += row.Pools * SizeClasses.PoolOverhead;
            quantization += row.Pools * ((poolSize - SizeClasses.PoolOverhead) % row.BlockSize);
        }

        Assert.Equal(allocated, s[AllocatedBytes].Value);
        Assert.Equal(available, s[AvailableBytes].Value);
        Assert.Equal(headers, s[PoolHeaderBytes].Value);
        Assert.Equal(quantization, s[QuantizationBytes].Value);
        Assert.Equal(0, s[AlignmentBytes].Value % poolSize);
        Assert.True(s[AlignmentBytes].Value <= arenaCount * poolSize, "more than one pool lost to alignment per arena");

        // "Total" is the arenas' bytes and the sum of the six lines above it.
        Assert.Equal("Total", s[PoolTotal].Label);
        Assert.Equal(s[ArenaBytes].Value, s[PoolTotal].Value);
        long six = 0;
        for (int i = AllocatedBytes; i <= AlignmentBytes; i++)
        {
            six += s[i].Value;
        }

        Assert.Equal(six, s[PoolTotal].Value);

        // The arena map.
        Assert.Equal(ArenaMapRootBytes, s[MapRootBytes].Value);
        Assert.Equal(s[MapMidNodes].Value * ArenaMapMidNodeBytes, s[MapMidBytes].Value);
        Assert.Equal(s[MapBotNodes].Value * ArenaMapBotNodeBytes, s[MapBotBytes].Value);
        Assert.Equal("Total", s[MapTotal].Label);
        Assert.Equal(s[MapRootBytes].Value + s[MapMidBytes].Value + s[MapBotBytes].Value, s[MapTotal].Value);
    }

    private static void CheckAgainstStatistics(Report report, AllocatorStatistics stats)
    {
        var expectedRows = stats.Classes
            .Where(c => c.Pools > 0)
            .Select(c => new ClassRow(c.Index, c.BlockSize, c.Pools, c.BlocksInUse, c.AvailableBlocks))
            .ToList();
        Assert.Equal(expectedRows, report.Rows);

        IReadOnlyList<SummaryLine> s = report.Summaries;
        Assert.Equal(stats.ArenasAllocatedTotal, s[ArenasTotal].Value);
        Assert.Equal(stats.ArenasReclaimed, s[ArenasReclaimed].Value);
        Assert.Equal(stats.ArenasHighWater, s[ArenasHighWater].Value);
        Assert.Equal(stats.ArenasCurrent, s[ArenasCurrent].Value);
        Assert.Equal(stats.ArenasCurrent * stats.ArenaSize, s[ArenaBytes].Value);
        Assert.Equal(stats.BytesInAllocatedBlocks, s[AllocatedBytes].Value);
        Assert.Equal(stats.BytesInAvailableBlocks, s[AvailableBytes].Value);
        Assert.Equal($"{stats.UnusedPools} unused pools * {stats.PoolSize} bytes", s[UnusedPoolBytes].Label);
        Assert.Equal(stats.BytesLostToPoolHeaders, s[PoolHeaderBytes].Value);
        Assert.Equal(stats.BytesLostToQuantization, s[QuantizationBytes].Value);
        Assert.Equal(stats.BytesLostToArenaAlignment, s[AlignmentBytes].Value);
        Assert.Equal(stats.ArenaMapMidNodes, s[MapMidNodes].Value);
        Assert.Equal(stats.ArenaMapBotNodes, s[MapBotNodes].Value);

        // The pool counts in the statistics account for every pool slot of every arena.
        long slots = stats.ArenasCurrent * (stats.ArenaSize / stats.PoolSize);
        Assert.Equal(slots, stats.UsedPools + stats.FullPools + stats.UnusedPools + (stats.BytesLostToArenaAlignment / stats.PoolSize));
        Assert.Equal(stats.UsedPools + stats.FullPools, stats.Classes.Sum(c => c.Pools));
        Assert.Equal(stats.BlocksInPools, stats.Classes.Sum(c => c.BlocksInUse));
    }

    private enum LineKind
    {
        Text,
        ClassRow,
        Summary,
    }

    private readonly record struct ReportLine(LineKind Kind, string Text);

    private readonly record struct ClassRow(int Index, int BlockSize, long Pools, long BlocksInUse, long AvailableBlocks);

    private readonly record struct SummaryLine(string Label, long Value);

    private sealed class Report
    {
        public List<ReportLine> Lines { get; } = new();

        public List<ClassRow> Rows { get; } = new();

        /// <summary>The line number of each row in <see cref="Rows"/>.</summary>
        public List<int> RowLines { get; } = new();

        public List<SummaryLine> Summaries { get; } = new();
    }
}
