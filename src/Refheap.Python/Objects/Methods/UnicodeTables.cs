using System;
using System.Collections.Generic;

namespace Refheap.Python.Objects.Methods;

/// <summary>
/// Character properties and full case mappings as CPython 3.11 has them (Unicode 14.0.0), from
/// the tables eng/record-unicode-tables generates. Boolean properties are toggle lists: the
/// sorted code points where the property switches on or off.
/// </summary>
internal static partial class UnicodeTables
{
    private static readonly object s_lock = new();
    private static Dictionary<int, int[]>? s_upper;
    private static Dictionary<int, int[]>? s_lower;
    private static Dictionary<int, int[]>? s_title;
    private static Dictionary<int, int[]>? s_casefold;

    private static bool InToggles(ReadOnlySpan<int> toggles, int cp)
    {
        int i = toggles.BinarySearch(cp);
        int count = i >= 0 ? i + 1 : ~i;
        return (count & 1) == 1;
    }

    public static bool IsAlpha(int cp) => cp < 128 ? (uint)((cp | 0x20) - 'a') < 26 : InToggles(AlphaData, cp);

    public static bool IsDecimal(int cp) => cp < 128 ? (uint)(cp - '0') < 10 : InToggles(DecimalData, cp);

    public static bool IsDigit(int cp) => cp < 128 ? (uint)(cp - '0') < 10 : InToggles(DigitData, cp);

    public static bool IsNumeric(int cp) => cp < 128 ? (uint)(cp - '0') < 10 : InToggles(NumericData, cp);

    public static bool IsAlnum(int cp) => IsAlpha(cp) || IsDecimal(cp) || IsDigit(cp) || IsNumeric(cp);

    public static bool IsSpace(int cp) => cp < 128 ? cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 0x1C && cp <= 0x1F) : InToggles(SpaceData, cp);

    public static bool IsLower(int cp) => cp < 128 ? (uint)(cp - 'a') < 26 : InToggles(LowerData, cp);

    public static bool IsUpper(int cp) => cp < 128 ? (uint)(cp - 'A') < 26 : InToggles(UpperData, cp);

    /// <summary>General category Lt (the title-case digraphs).</summary>
    public static bool IsTitle(int cp) => cp >= 128 && InToggles(TitleData, cp);

    public static bool IsCased(int cp) => cp < 128 ? (uint)((cp | 0x20) - 'a') < 26 : InToggles(CasedData, cp);

    public static bool IsCaseIgnorable(int cp) => InToggles(CaseIgnorableData, cp);

    public static bool IsXidStart(int cp) => cp < 128 ? cp == '_' || (uint)((cp | 0x20) - 'a') < 26 : InToggles(XidStartData, cp);

    public static bool IsXidContinue(int cp) => cp < 128 ? cp == '_' || (uint)((cp | 0x20) - 'a') < 26 || (uint)(cp - '0') < 10 : InToggles(XidContinueData, cp);

    /// <summary>str.isprintable of one character.</summary>
    public static bool IsPrintable(int cp) => Refheap.Runtime.PyRuntime.IsPrintable(cp);

    /// <summary>Line boundaries of str.splitlines.</summary>
    public static bool IsLineBreak(int cp) =>
        cp is '\n' or '\r' or 0x0B or 0x0C or 0x1C or 0x1D or 0x1E or 0x85 or 0x2028 or 0x2029;

    public static void AppendUpper(List<int> output, int cp) => Append(output, cp, ref s_upper, UpperRunsData, UpperMultiData);

    public static void AppendLower(List<int> output, int cp) => Append(output, cp, ref s_lower, LowerRunsData, LowerMultiData);

    public static void AppendTitle(List<int> output, int cp) => Append(output, cp, ref s_title, TitleRunsData, TitleMultiData);

    public static void AppendCasefold(List<int> output, int cp) => Append(output, cp, ref s_casefold, CasefoldRunsData, CasefoldMultiData);

    private static void Append(List<int> output, int cp, ref Dictionary<int, int[]>? map, ReadOnlySpan<int> runs, ReadOnlySpan<int> multi)
    {
        Dictionary<int, int[]> m = map ?? Build(ref map, runs, multi);
        if (m.TryGetValue(cp, out int[]? mapped))
        {
            output.AddRange(mapped);
        }
        else
        {
            output.Add(cp);
        }
    }

    private static Dictionary<int, int[]> Build(ref Dictionary<int, int[]>? map, ReadOnlySpan<int> runs, ReadOnlySpan<int> multi)
    {
        lock (s_lock)
        {
            if (map != null)
            {
                return map;
            }

            var m = new Dictionary<int, int[]>();
            for (int i = 0; i + 3 < runs.Length; i += 4)
            {
                int start = runs[i];
                int count = runs[i + 1];
                int stride = runs[i + 2];
                int delta = runs[i + 3];
                for (int k = 0; k < count; k++)
                {
                    int cp = start + (k * stride);
                    m[cp] = [cp + delta];
                }
            }

            for (int i = 0; i < multi.Length;)
            {
                int cp = multi[i];
                int n = multi[i + 1];
                m[cp] = multi.Slice(i + 2, n).ToArray();
                i += 2 + n;
            }

            map = m;
            return m;
        }
    }
}
