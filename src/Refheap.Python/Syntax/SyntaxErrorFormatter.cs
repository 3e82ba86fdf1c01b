using System.Globalization;
using System.Text;

namespace Refheap.Python.Syntax;

/// <summary>
/// The lines Python 3.11 prints for an uncaught SyntaxError (the rules of
/// traceback.TracebackException's syntax-error formatting): `  File "x.py", line N`, the
/// source line without its indentation, a caret line with '^' from offset to end_offset, and
/// `Kind: msg`.
/// </summary>
public static class SyntaxErrorFormatter
{
    public static string Format(PythonSyntaxError error)
    {
        System.ArgumentNullException.ThrowIfNull(error);
        var sb = new StringBuilder();
        string suffix = "";
        if (error.Lineno > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  File \"{error.Filename}\", line {error.Lineno}\n");
        }
        else
        {
            suffix = $" ({error.Filename})";
        }
        if (error.Text is not null)
        {
            string rtext = error.Text.TrimEnd('\n');
            string ltext = rtext.TrimStart(' ', '\n', '\f');
            int spaces = rtext.Length - ltext.Length;
            sb.Append("    ").Append(ltext).Append('\n');
            if (error.Offset != 0 || error.Lineno > 0)
            {
                int offset = error.Offset;
                int endOffset = error.EndOffset is 0 ? offset : error.EndOffset;
                if (offset == endOffset || endOffset == -1)
                {
                    endOffset = offset + 1;
                }
                // Offsets count code points; the text is UTF-16.
                int colno = offset - 1 - spaces;
                int endColno = endOffset - 1 - spaces;
                if (colno >= 0)
                {
                    sb.Append("    ");
                    int cp = 0;
                    for (int i = 0; i < ltext.Length && cp < colno; i++)
                    {
                        char c = ltext[i];
                        if (char.IsLowSurrogate(c))
                        {
                            continue;
                        }
                        sb.Append(char.IsWhiteSpace(c) ? c : ' ');
                        cp++;
                    }
                    sb.Append('^', System.Math.Max(0, endColno - colno)).Append('\n');
                }
            }
        }
        sb.Append(error.Kind).Append(": ").Append(error.Msg.Length > 0 ? error.Msg : "<no detail available>")
            .Append(suffix).Append('\n');
        return sb.ToString();
    }
}
