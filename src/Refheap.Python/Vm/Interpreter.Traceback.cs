using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Refheap.Python.Syntax;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Printing uncaught exceptions as CPython 3.11 does (Python/pythonrun.c: print_exception_recursive;
// Python/traceback.c: tb_printinternal, tb_displayline with the caret lines and their ~ / ^
// anchors for binary operators and subscripts, "[Previous line repeated N more times]").
internal sealed unsafe partial class Interpreter
{
    private const int RecursiveCutoff = 3;
    private readonly Dictionary<string, string[]?> _sourceCache = new(StringComparer.Ordinal);

    /// <summary>Prints an exception with its chain and tracebacks to sys.stderr.</summary>
    public void PrintException(PyObject* exc)
    {
        var sb = new StringBuilder();
        var seen = new HashSet<nint>();
        FormatExceptionRecursive(exc, sb, seen);
        PyObject* saved = Rt.FetchError();
        if (!WriteTo(SysAttrBorrowed("stderr"), sb.ToString()))
        {
            Rt.ClearError();
            Stderr.Write(sb.ToString());
        }

        if (saved != null)
        {
            Rt.SetErrorObject(saved);
        }
    }

    private PyObject* SysAttrBorrowed(string name) => SysModule == null ? null : Rt.DictGetItemStr(PyRuntime.ModuleDict(SysModule), Str(name));

    private void FormatExceptionRecursive(PyObject* exc, StringBuilder sb, HashSet<nint> seen) =>
        FormatExceptionRecursive(exc, sb, new PrintContext(seen));

    /// <summary>print_exception_recursive: the chain (cause or context) first, then the exception or group.</summary>
    private void FormatExceptionRecursive(PyObject* exc, StringBuilder sb, PrintContext ctx)
    {
        ctx.Seen.Add((nint)exc);
        var e = (PyBaseExceptionObject*)exc;
        if (e->Cause != null && !ctx.Seen.Contains((nint)e->Cause))
        {
            FormatChained(e->Cause, sb, ctx, "The above exception was the direct cause of the following exception:");
        }
        else if (e->Context != null && e->SuppressContext == 0 && !ctx.Seen.Contains((nint)e->Context))
        {
            FormatChained(e->Context, sb, ctx, "During handling of the above exception, another exception occurred:");
        }

        if (IsExceptionGroup(exc))
        {
            FormatExceptionGroup(exc, sb, ctx);
        }
        else
        {
            FormatOne(exc, sb, ctx);
        }
    }

    private void FormatChained(PyObject* exc, StringBuilder sb, PrintContext ctx, string message)
    {
        bool needClose = ctx.NeedClose;
        FormatExceptionRecursive(exc, sb, ctx);
        ctx.NeedClose = needClose;
        string m = ctx.Margin;
        sb.Append(m).Append('\n').Append(m).Append(message).Append('\n').Append(m).Append('\n');
    }

    private void FormatOne(PyObject* exc, StringBuilder sb, PrintContext ctx)
    {
        if (ctx.Depth == 0)
        {
            FormatOne(exc, sb);
            return;
        }

        var body = new StringBuilder();
        FormatOne(exc, body);
        string text = body.ToString();
        bool hasHeader = ExceptionTraceback(exc) != null;
        int start = 0;
        for (int line = 0; start < text.Length; line++)
        {
            int nl = text.IndexOf('\n', start);
            int stop = nl < 0 ? text.Length : nl + 1;
            string prefix = line == 0 && hasHeader && IsExceptionGroup(exc) && ctx.Depth == 1 ? "+ " : "| ";
            sb.Append(' ', 2 * ctx.Depth).Append(prefix).Append(text, start, stop - start);
            start = stop;
        }
    }

    private void FormatOne(PyObject* exc, StringBuilder sb)
    {
        PyObject* tb = ExceptionTraceback(exc);
        if (tb != null)
        {
            sb.Append(IsExceptionGroup(exc) ? "Exception Group Traceback (most recent call last):\n" : "Traceback (most recent call last):\n");
            FormatTraceback((PyTracebackObject*)tb, sb);
        }

        if (PyRuntime.IsSubtypeMro(exc->Type, SyntaxErrorType))
        {
            FormatSyntaxErrorBody(exc, sb);
        }

        string typeName = QualNameOf(exc->Type);
        string module = ModuleOf(exc->Type);
        if (module != "builtins" && module != "__main__")
        {
            typeName = module + "." + typeName;
        }

        PyObject* s = PyRuntime.IsSubtypeMro(exc->Type, SyntaxErrorType) ? SyntaxMsg(exc) : ToStr(exc);
        string? text;
        if (s == null)
        {
            Rt.ClearError();
            text = "<exception str() failed>";
        }
        else
        {
            text = PyRuntime.StrToString(s);
            Rt.DecRef(s);
        }

        sb.Append(typeName);
        if (PyRuntime.IsSubtypeMro(exc->Type, Rt.AttributeErrorType) || PyRuntime.IsSubtypeMro(exc->Type, NameErrorType))
        {
            text += Suggestion(exc);
            Rt.ClearError();
        }

        if (text.Length > 0)
        {
            sb.Append(": ").Append(text);
        }

        sb.Append('\n');
        PyObject* notes = Rt.InstanceGetAttr(exc, Str("__notes__"));
        if (notes != null && PyRuntime.IsSubtype(notes->Type, Rt.ListType))
        {
            foreach (nint n in ListSnapshot(notes))
            {
                string? note = StrOf((PyObject*)n);
                sb.Append(note ?? "<note str() failed>").Append('\n');
            }
        }
    }

    private PyObject* SyntaxMsg(PyObject* exc)
    {
        PyObject* msg = ExceptionExtra(exc, "msg", 0);
        if (msg == null || msg == Rt.None)
        {
            Rt.XDecRef(msg);
            Rt.ClearError();
            return ToStr(exc);
        }

        PyObject* s = ToStr(msg);
        Rt.DecRef(msg);
        return s;
    }

    private void FormatSyntaxErrorBody(PyObject* exc, StringBuilder sb)
    {
        PyObject* file = Rt.InstanceGetAttr(exc, Str("filename"));
        PyObject* lineno = Rt.InstanceGetAttr(exc, Str("lineno"));
        PyObject* text = Rt.InstanceGetAttr(exc, Str("text"));
        PyObject* offset = Rt.InstanceGetAttr(exc, Str("offset"));
        PyObject* endOffset = Rt.InstanceGetAttr(exc, Str("end_offset"));
        PyObject* endLineno = Rt.InstanceGetAttr(exc, Str("end_lineno"));
        if (file == null || lineno == null || !PyRuntime.IsInt(lineno))
        {
            return;
        }

        var err = new PythonSyntaxError(
            "SyntaxError",
            "",
            PyRuntime.IsStr(file) ? PyRuntime.StrToString(file) : "<string>",
            (int)(long)PyRuntime.IntToBigInteger(lineno),
            offset != null && PyRuntime.IsInt(offset) ? (int)(long)PyRuntime.IntToBigInteger(offset) : 0,
            endLineno != null && PyRuntime.IsInt(endLineno) ? (int)(long)PyRuntime.IntToBigInteger(endLineno) : 0,
            endOffset != null && PyRuntime.IsInt(endOffset) ? (int)(long)PyRuntime.IntToBigInteger(endOffset) : 0,
            text != null && PyRuntime.IsStr(text) ? PyRuntime.StrToString(text) : null);
        string formatted = SyntaxErrorFormatter.Format(err);

        // The formatter ends with "SyntaxError: msg"; keep only the location lines.
        int last = formatted.TrimEnd('\n').LastIndexOf('\n');
        sb.Append(last < 0 ? "" : formatted[..(last + 1)]);
    }

    private void FormatTraceback(PyTracebackObject* tb, StringBuilder sb)
    {
        string? lastFile = null;
        int lastLine = -1;
        string? lastName = null;
        int count = 0;
        for (; tb != null; tb = tb->Next)
        {
            InterpreterFrame* f = tb->Frame->Frame;
            PyCodeObject* code = f->Code;
            string file = code == null ? "?" : PyRuntime.StrToString(code->Filename);
            string name = code == null ? "?" : PyRuntime.StrToString(code->Name);
            if (lastFile == null || file != lastFile || tb->Lineno != lastLine || name != lastName)
            {
                if (count > RecursiveCutoff)
                {
                    AppendRepeated(sb, count);
                }

                lastFile = file;
                lastLine = tb->Lineno;
                lastName = name;
                count = 0;
            }

            count++;
            if (count <= RecursiveCutoff)
            {
                sb.Append("  File \"").Append(file).Append("\", line ").Append(tb->Lineno).Append(", in ").Append(name).Append('\n');
                if (code != null)
                {
                    var info = (CodeInfo)Rt.GetManaged(code->ManagedId);
                    AppendSourceLine(sb, file, tb->Lineno, info, tb->Lasti / 2);
                }
            }
        }

        if (count > RecursiveCutoff)
        {
            AppendRepeated(sb, count);
        }
    }

    private static void AppendRepeated(StringBuilder sb, int count)
    {
        int n = count - RecursiveCutoff;
        sb.Append("  [Previous line repeated ").Append(n).Append(n > 1 ? " more times]\n" : " more time]\n");
    }

    private string[]? SourceLines(string file)
    {
        if (_sourceCache.TryGetValue(file, out string[]? lines))
        {
            return lines;
        }

        lines = null;
        try
        {
            byte[]? bytes = null;
            if (file.StartsWith(EmbeddedPrefix, StringComparison.Ordinal))
            {
                string res = "pylib." + file[(EmbeddedPrefix.Length + 1)..].Replace('/', '.');
                using Stream? s = typeof(Interpreter).Assembly.GetManifestResourceStream(res);
                if (s != null)
                {
                    using var ms = new MemoryStream();
                    s.CopyTo(ms);
                    bytes = ms.ToArray();
                }
            }
            else if (File.Exists(file))
            {
                bytes = File.ReadAllBytes(file);
            }

            if (bytes != null)
            {
                lines = new UTF8Encoding(false, false).GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            }
        }
        catch (IOException)
        {
            lines = null;
        }

        _sourceCache[file] = lines;
        return lines;
    }

    private void AppendSourceLine(StringBuilder sb, string file, int lineno, CodeInfo info, int instr)
    {
        if (Finalizing)
        {
            // At shutdown CPython can no longer read source lines (its io module is gone).
            return;
        }

        string[]? lines = SourceLines(file);
        if (lines == null || lineno < 1 || lineno > lines.Length)
        {
            return;
        }

        string line = lines[lineno - 1].TrimEnd('\r', '\n');
        int lead = 0;
        while (lead < line.Length && (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\f'))
        {
            lead++;
        }

        string stripped = line[lead..].TrimEnd(' ', '\t', '\f');
        if (stripped.Length == 0)
        {
            return;
        }

        sb.Append("    ").Append(stripped).Append('\n');
        if (instr < 0 || 4 * instr + 3 >= info.Source.Positions.Length)
        {
            return;
        }

        int startLine = info.Source.Positions[4 * instr];
        int endLine = info.Source.Positions[(4 * instr) + 1];
        int startCol = info.Source.Positions[(4 * instr) + 2];
        int endCol = info.Source.Positions[(4 * instr) + 3];
        if (startLine <= 0 || endLine <= 0 || startCol < 0 || endCol < 0 || startLine != lineno)
        {
            return;
        }

        string full = lead + stripped.Length <= line.Length ? line[..(lead + stripped.Length)] : line;
        int start = ByteToCharOffset(full, startCol);
        int end = ByteToCharOffset(full, endCol);
        int left = -1;
        int right = -1;
        char primary = '^';
        char secondary = '^';
        if (startLine == endLine)
        {
            if (start <= full.Length && end <= full.Length && start <= end)
            {
                ExtractAnchors(full.Substring(start, end - start), file, ref left, ref right, ref primary, ref secondary);
                if (left >= 0)
                {
                    left += start;
                    right += start;
                }
            }
        }
        else
        {
            int i = full.Length;
            while (--i >= 0 && (full[i] == ' ' || full[i] == '\t' || full[i] == '\f'))
            {
            }

            end = i + 1;
        }

        bool special = left != -1 || right != -1;
        if (end - start == stripped.Length && !special)
        {
            return;
        }

        int offset = lead - 4;
        var carets = new StringBuilder();
        while (++offset <= end)
        {
            if (offset <= start)
            {
                carets.Append(' ');
            }
            else if (special && left < offset && offset <= right)
            {
                carets.Append(secondary);
            }
            else
            {
                carets.Append(primary);
            }
        }

        sb.Append(carets).Append('\n');
    }

    private static int ByteToCharOffset(string line, int byteOffset)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(line);
        if (byteOffset > utf8.Length)
        {
            byteOffset = utf8.Length;
        }

        return Encoding.UTF8.GetString(utf8, 0, byteOffset).Length;
    }

    /// <summary>extract_anchors_from_line: ~ and ^ ranges for a binary operator or a subscript.</summary>
    private static void ExtractAnchors(string segment, string file, ref int left, ref int right, ref char primary, ref char secondary)
    {
        Syntax.Module module;
        try
        {
            module = PythonParser.ParseModule(segment, file);
        }
        catch (PythonSyntaxError)
        {
            return;
        }
        catch (PythonRecursionError)
        {
            return;
        }

        if (module.Body.Count != 1 || module.Body[0] is not ExprStmt es)
        {
            return;
        }

        byte[] seg = Encoding.UTF8.GetBytes(segment);
        int l;
        int r;
        switch (es.Value)
        {
            case BinOp bo:
                l = -1;
                r = -1;
                for (int i = bo.Left.EndColOffset; i < bo.Right.ColOffset && i < seg.Length; i++)
                {
                    char c = (char)seg[i];
                    if (c == ' ' || c == '\t' || c == '\f')
                    {
                        continue;
                    }

                    l = i;
                    r = i + 1;
                    if (i + 1 < bo.Right.ColOffset && !(seg[i + 1] == ' ' || seg[i + 1] == '\t' || seg[i + 1] == '\f'))
                    {
                        r++;
                    }

                    break;
                }

                if (l < 0)
                {
                    return;
                }

                break;
            case Subscript sub:
                l = sub.Value.EndColOffset;
                r = sub.Slice.EndColOffset + 1;
                break;
            default:
                return;
        }

        left = ByteToCharOffset(segment, l);
        right = ByteToCharOffset(segment, r);
        primary = '~';
        secondary = '^';
    }

    /// <summary>Turns a parser/compiler syntax error into a Python SyntaxError and raises it.</summary>
    private void RaiseSyntaxError(PythonSyntaxError e, byte[]? source)
    {
        PyRuntime rt = Rt;
        PyTypeObject* type = e.Kind switch
        {
            "IndentationError" => ExceptionType("IndentationError"),
            "TabError" => ExceptionType("TabError"),
            _ => SyntaxErrorType,
        };
        PyObject* msg = rt.NewStr(e.Msg);
        PyObject* exc = CallOneArg((PyObject*)type, msg);
        rt.DecRef(msg);
        if (exc == null)
        {
            return;
        }

        if (e.Lineno == 0)
        {
            // An error raised without a location (the tokenizer's decoding errors): msg only.
            PyObject* m = rt.NewStr(e.Msg);
            SetExceptionExtra(exc, "msg", m);
            rt.DecRef(m);
            rt.SetErrorObject(exc);
            return;
        }

        string? text = e.Text;
        if (text == null && source != null && e.Lineno > 0)
        {
            string[] lines = new UTF8Encoding(false, false).GetString(source).Split('\n');
            if (e.Lineno <= lines.Length)
            {
                text = lines[e.Lineno - 1] + "\n";
            }
        }

        void Set(string name, PyObject* v)
        {
            SetExceptionExtra(exc, name, v);
            rt.DecRef(v);
        }

        Set("msg", rt.NewStr(e.Msg));
        Set("filename", rt.NewStr(e.Filename));
        Set("lineno", rt.NewInt(e.Lineno));
        Set("offset", rt.NewInt(e.Offset));
        Set("end_lineno", rt.NewInt(e.EndLineno));
        Set("end_offset", rt.NewInt(e.EndOffset));
        Set("text", text == null ? PyRuntime.NewRef(rt.None) : rt.NewStr(text));
        rt.SetErrorObject(exc);
    }
}
