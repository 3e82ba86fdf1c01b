using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Refheap.Conformance;

/// <summary>
/// The cases copied to the test output directory: every <c>cases/**/*.py</c> except helper
/// modules (names starting with <c>_</c>), named by their path relative to <c>cases/</c> with
/// forward slashes, e.g. <c>gc/collect_simple_cycle.py</c>.
/// </summary>
public static class CaseCatalog
{
    public static string CasesDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "cases");

    public static string ManifestPath { get; } = Path.Combine(AppContext.BaseDirectory, "manifest.txt");

    /// <summary>Relative case names, sorted ordinally.</summary>
    public static IReadOnlyList<string> All { get; } = Find();

    public static string FullPath(string relativeName)
    {
        ArgumentNullException.ThrowIfNull(relativeName);
        return Path.GetFullPath(Path.Combine(CasesDirectory, relativeName.Replace('/', Path.DirectorySeparatorChar)));
    }

    /// <summary>A recorded file beside the case: <c>.out</c>, <c>.err</c> or <c>.code</c>.</summary>
    public static string RecordedPath(string relativeName, string extension)
    {
        string full = FullPath(relativeName);
        return full[..^".py".Length] + extension;
    }

    public static string ToRelativeName(string fullPath)
    {
        return Path.GetRelativePath(CasesDirectory, fullPath).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Helper modules and packages: any path component starting with '_' (relative to cases/).</summary>
    public static bool IsHelperModule(string fullPath)
    {
        return ToRelativeName(fullPath).Split('/').Any(part => part.StartsWith('_'));
    }

    private static string[] Find()
    {
        if (!Directory.Exists(CasesDirectory))
        {
            return [];
        }

        return Directory.EnumerateFiles(CasesDirectory, "*.py", SearchOption.AllDirectories)
            .Where(f => !IsHelperModule(f))
            .Select(ToRelativeName)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
    }
}
