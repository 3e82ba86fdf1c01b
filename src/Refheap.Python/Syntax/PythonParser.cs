using System;
using System.Text;
using System.Threading;

namespace Refheap.Python.Syntax;

/// <summary>Entry points: source text or file bytes to a syntax tree. Every syntax error is a
/// <see cref="PythonSyntaxError"/>; nesting too deep is a <see cref="PythonRecursionError"/>.</summary>
public static class PythonParser
{
    /// <summary>Stack for the retry thread when the caller's stack runs short.</summary>
    private const int BigStack = 256 * 1024 * 1024;

    /// <summary>Parses a module (exec mode) from text.</summary>
    public static Module ParseModule(string source, string filename)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(filename);
        return WithEnoughStack(() => new Parser(new SourceText(source, filename)).ParseFile());
    }

    /// <summary>Parses a module from a file's bytes: UTF-8 BOM, PEP 263 coding cookie (utf-8,
    /// latin-1/iso-8859-1, ascii), invalid UTF-8 reported as CPython does.</summary>
    /// <remarks>With <paramref name="mainScript"/> (the file python3 runs, which CPython's
    /// tokenizer reads from a FILE*), an unknown encoding is "encoding problem: NAME" as
    /// fp_setreadl reports it; compile(), exec() and imports say "unknown encoding: NAME".</remarks>
    public static Module ParseModule(byte[] sourceBytes, string filename, bool mainScript = false)
    {
        ArgumentNullException.ThrowIfNull(sourceBytes);
        ArgumentNullException.ThrowIfNull(filename);
        return ParseModule(SourceDecoder.Decode(sourceBytes, filename, mainScript), filename);
    }

    /// <summary>Parses one expression (eval mode).</summary>
    public static ExpressionModule ParseExpression(string source, string filename)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(filename);
        // eval() strips leading spaces and tabs (builtin_eval_impl, 3.11).
        string trimmed = source.TrimStart(' ', '\t');
        return WithEnoughStack(() => new Parser(new SourceText(trimmed, filename)).ParseEval());
    }

    /// <summary>Runs the parse; if the caller's stack is too small for a deeply nested input, runs
    /// it again on a thread with a large stack, so results never depend on the caller's stack.</summary>
    private static T WithEnoughStack<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (PythonRecursionError) when (Thread.CurrentThread.Name != "refheap-parser")
        {
            T? result = default;
            Exception? error = null;
            var thread = new Thread(
                () =>
                {
                    try
                    {
                        result = parse();
                    }
#pragma warning disable CA1031 // Any failure is handed back to the calling thread.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        error = e;
                    }
                },
                BigStack)
            { Name = "refheap-parser" };
            thread.Start();
            thread.Join();
            if (error is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
            }
            return result!;
        }
    }
}

/// <summary>Bytes of a source file to text (Parser/tokenizer.c decoding, 3.11).</summary>
internal static class SourceDecoder
{
    public static string Decode(byte[] bytes, string filename, bool mainScript = false)
    {
        int start = 0;
        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        if (bom)
        {
            start = 3;
        }
        string? cookie = FindCookie(bytes, start);
        Encoding encoding = Encoding.UTF8;
        if (cookie is not null)
        {
            string norm = cookie.ToLowerInvariant().Replace('_', '-');
            if (norm is "utf-8" or "utf8" || norm.StartsWith("utf-8-", StringComparison.Ordinal))
            {
                encoding = Encoding.UTF8;
            }
            else if (norm is "latin-1" or "iso-8859-1" or "iso-latin-1" or "latin1" or "l1" or "iso8859-1"
                || norm.StartsWith("latin-1-", StringComparison.Ordinal)
                || norm.StartsWith("iso-8859-1-", StringComparison.Ordinal))
            {
                if (bom)
                {
                    throw new PythonSyntaxError("SyntaxError", $"encoding problem: {cookie} with BOM", filename, 1, 0, 1, 0, null);
                }
                encoding = Encoding.Latin1;
            }
            else if (norm is "ascii" or "us-ascii")
            {
                encoding = Encoding.ASCII;
            }
            else
            {
                throw new PythonSyntaxError("SyntaxError", mainScript ? $"encoding problem: {cookie}" : $"unknown encoding: {cookie}", filename, 0, 0, 0, 0, null);
            }
        }
        if (encoding == Encoding.Latin1)
        {
            return Encoding.Latin1.GetString(bytes, start, bytes.Length - start);
        }
        var strict = new UTF8Encoding(false, true);
        try
        {
            return strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException) when ((cookie is not null || bom) && encoding == Encoding.UTF8)
        {
            // Declared UTF-8: bytes that are not are kept, and reported where they are decoded.
            return UndecodableBytes.Decode(bytes, start);
        }
        catch (DecoderFallbackException)
        {
            int line = 1;
            int i = start;
            int lineStart = start;
            // Find the first invalid byte's line.
            for (; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
                if (bytes[i] >= 0x80 && !ValidAt(bytes, i, out _))
                {
                    break;
                }
                if (bytes[i] >= 0x80 && ValidAt(bytes, i, out int len))
                {
                    i += len - 1;
                }
            }
            _ = lineStart;
            // Parser/tokenizer.c: "Non-UTF-8 code starting with '\xNN' in file ... but no encoding declared".
            string msg = $"Non-UTF-8 code starting with '\\x{bytes[i]:x2}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details";
            // The tokenizer raises it with the message alone: no filename, line or text.
            throw new PythonSyntaxError("SyntaxError", msg, filename, 0, 0, 0, 0, null);
        }
    }

    private static bool ValidAt(byte[] b, int i, out int length)
    {
        byte c = b[i];
        length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (length == 0 || c > 0xF4 || i + length > b.Length)
        {
            return false;
        }
        try
        {
            new UTF8Encoding(false, true).GetString(b, i, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>PEP 263: `coding[:=]\s*([-\w.]+)` in a comment on line 1 or 2 (line 2 only if
    /// line 1 is blank or a comment).</summary>
    private static string? FindCookie(byte[] bytes, int start)
    {
        int pos = start;
        for (int lineNo = 0; lineNo < 2 && pos < bytes.Length; lineNo++)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', pos);
            if (end < 0)
            {
                end = bytes.Length;
            }
            string line = Encoding.Latin1.GetString(bytes, pos, end - pos);
            string trimmed = line.TrimStart(' ', '\t', '\f');
            if (trimmed.StartsWith('#'))
            {
                int k = trimmed.IndexOf("coding", StringComparison.Ordinal);
                if (k >= 0 && k + 6 < trimmed.Length && trimmed[k + 6] is ':' or '=')
                {
                    int j = k + 7;
                    while (j < trimmed.Length && trimmed[j] is ' ' or '\t')
                    {
                        j++;
                    }
                    int s = j;
                    while (j < trimmed.Length && (char.IsLetterOrDigit(trimmed[j]) || trimmed[j] is '-' or '_' or '.'))
                    {
                        j++;
                    }
                    if (j > s)
                    {
                        return trimmed[s..j];
                    }
                }
            }
            else if (trimmed.Trim().Length > 0)
            {
                return null;
            }
            pos = end + 1;
        }
        return null;
    }
}
