using System.Text;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// The native side of the traceback module (Lib/python/traceback.py): the same text the
// interpreter prints for an uncaught exception, one piece at a time, so that
// traceback.format_exc(), print_exc(), format_tb() and friends show 3.11's carets and
// "Did you mean" suggestions exactly as the top-level handler does.
internal sealed unsafe partial class Interpreter
{
    /// <summary>_refheap_traceback.format_exception(exc, chain): the uncaught-exception text.</summary>
    internal PyObject* TracebackFormatException(PyObject* exc, bool chain)
    {
        var sb = new StringBuilder();
        if (chain)
        {
            FormatExceptionRecursive(exc, sb, new System.Collections.Generic.HashSet<nint>());
        }
        else
        {
            FormatOne(exc, sb);
        }

        return Rt.NewStr(sb.ToString());
    }

    /// <summary>_refheap_traceback.format_exception_only(exc): the lines after the traceback.</summary>
    internal PyObject* TracebackFormatExceptionOnly(PyObject* exc)
    {
        var sb = new StringBuilder();
        PyObject* tb = ExceptionTraceback(exc);
        ((PyBaseExceptionObject*)exc)->Traceback = null;
        try
        {
            FormatOne(exc, sb);
        }
        finally
        {
            ((PyBaseExceptionObject*)exc)->Traceback = tb;
        }

        return Rt.NewStr(sb.ToString());
    }

    /// <summary>
    /// _refheap_traceback.tb_entry(tb): (filename, lineno, name, text) for one traceback entry,
    /// text being its "  File ..." line and the source line with its carets.
    /// </summary>
    internal PyObject* TracebackEntry(PyTracebackObject* tb)
    {
        InterpreterFrame* f = tb->Frame->Frame;
        return EntryTuple(f->Code, tb->Lineno, tb->Lasti / 2);
    }

    /// <summary>_refheap_traceback.frame_entry(frame): the same for a frame's current line.</summary>
    internal PyObject* TracebackFrameEntry(PyFrameObject* frame)
    {
        InterpreterFrame* f = frame->Frame;
        return EntryTuple(f->Code, FrameLine(f), (int)f->PrevInstr);
    }

    private PyObject* EntryTuple(PyCodeObject* code, int lineno, int instr)
    {
        string file = code == null ? "?" : PyRuntime.StrToString(code->Filename);
        string name = code == null ? "?" : PyRuntime.StrToString(code->Name);
        var sb = new StringBuilder();
        sb.Append("  File \"").Append(file).Append("\", line ").Append(lineno).Append(", in ").Append(name).Append('\n');
        if (code != null && instr >= 0)
        {
            AppendSourceLine(sb, file, lineno, (CodeInfo)Rt.GetManaged(code->ManagedId), instr);
        }

        PyObject* f = Rt.NewStr(file);
        PyObject* l = Rt.NewInt(lineno);
        PyObject* n = Rt.NewStr(name);
        PyObject* t = Rt.NewStr(sb.ToString());
        PyObject* result = f == null || l == null || n == null || t == null ? null : Rt.NewTuple([(nint)f, (nint)l, (nint)n, (nint)t]);
        Rt.XDecRef(f);
        Rt.XDecRef(l);
        Rt.XDecRef(n);
        Rt.XDecRef(t);
        return result;
    }
}
