using System;
using System.IO;
using System.Text;
using Refheap.Python.Compiler;
using Refheap.Python.Objects;
using Refheap.Python.Syntax;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Compiling source to code objects (through the code cache for the embedded library), the
// builtins compile() and input(), and the line reader behind sys.stdin.
internal sealed unsafe partial class Interpreter
{
    /// <summary>Source bytes to a code object; a SyntaxError is raised as a Python exception.</summary>
    public PyObject* CompileSource(byte[] source, string filename, bool exec, bool useCodeCache = false, bool mainScript = false)
    {
        try
        {
            CompiledCode? cc = useCodeCache ? CodeCache.TryLoad(filename, source) : null;
            if (cc == null)
            {
                if (exec)
                {
                    Syntax.Module tree = PythonParser.ParseModule(source, filename, mainScript);
                    cc = PyCompiler.CompileModule(tree, filename);
                }
                else
                {
                    string text = SourceDecoder.Decode(source, filename);
                    ExpressionModule tree = PythonParser.ParseExpression(text, filename);
                    cc = PyCompiler.CompileExpression(tree, filename);
                }

                if (useCodeCache)
                {
                    CodeCache.TryStore(filename, source, cc);
                }
            }

            if (cc.Warnings.Count > 0 && !IssueCompilerWarnings(cc))
            {
                return null;
            }

            return (PyObject*)CodeFactory.Create(this, cc);
        }
        catch (PythonSyntaxError e)
        {
            RaiseSyntaxError(e, source);
            return null;
        }
        catch (PythonRecursionError)
        {
            Rt.SetError(Rt.RecursionErrorType, "maximum recursion depth exceeded during compilation");
            return null;
        }
        catch (NotImplementedException e)
        {
            Rt.SetError(Rt.NotImplementedErrorType, e.Message);
            return null;
        }
    }

    /// <summary>
    /// The compiler's SyntaxWarnings go through warnings.warn_explicit with no module and no
    /// registry (PyErr_WarnExplicitObject from compiler_warn), so each is shown once per compile.
    /// </summary>
    private bool IssueCompilerWarnings(CompiledCode cc)
    {
        PyRuntime rt = Rt;
        PyObject* warnings = ImportModule("warnings");
        if (warnings == null)
        {
            return false;
        }

        PyObject* warnExplicit = GetAttrOrNull(warnings, Str("warn_explicit"));
        rt.DecRef(warnings);
        if (warnExplicit == null)
        {
            return !rt.ErrorOccurred;
        }

        PyObject* category = rt.DictGetItemStr(Builtins, Str("SyntaxWarning"));
        PyObject* filename = rt.NewStr(cc.Filename);
        bool ok = true;
        PyObject** a = stackalloc PyObject*[4];
        foreach (CompilerWarning w in cc.Warnings)
        {
            a[0] = rt.NewStr(w.Message);
            a[1] = category;
            a[2] = filename;
            a[3] = rt.NewInt(w.Line);
            PyObject* r = Call(warnExplicit, a, 4, null);
            rt.DecRef(a[0]);
            rt.DecRef(a[3]);
            if (r == null)
            {
                ok = false;
                break;
            }

            rt.DecRef(r);
        }

        rt.DecRef(filename);
        rt.DecRef(warnExplicit);
        return ok;
    }

    /// <summary>One line of the host's stdin with its '\n', or null at end of input.</summary>
    public string? ReadStdinLine()
    {
        var sb = new StringBuilder();
        TextReader stdin = Stdin ??= Console.In;
        while (true)
        {
            int c = stdin.Read();
            if (c < 0)
            {
                return sb.Length == 0 ? null : sb.ToString();
            }

            sb.Append((char)c);
            if (c == '\n')
            {
                return sb.ToString();
            }
        }
    }

    /// <summary>compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1): a code object for exec/eval.</summary>
    public PyObject* CompileBuiltin(PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        PyObject** p = stackalloc PyObject*[6];
        if (!ArgParse.Parse(rt, "compile", args, nargs, kwnames, ["source", "filename", "mode", "flags", "dont_inherit", "optimize"], 3, p))
        {
            return null;
        }

        if (!PyRuntime.IsStr(p[2]))
        {
            rt.SetError(rt.TypeErrorType, $"compile() argument 'mode' must be str, not {rt.TypeName(p[2])}");
            return null;
        }

        string mode = PyRuntime.StrToString(p[2]);
        if (mode != "exec" && mode != "eval" && mode != "single")
        {
            rt.SetError(rt.ValueErrorType, "compile() mode must be 'exec', 'eval' or 'single'");
            return null;
        }

        string filename;
        if (PyRuntime.IsStr(p[1]))
        {
            filename = PyRuntime.StrToString(p[1]);
        }
        else if (PyRuntime.IsBytes(p[1]))
        {
            filename = Encoding.UTF8.GetString(BytesOf(p[1]));
        }
        else
        {
            rt.SetError(rt.TypeErrorType, $"expected str, bytes or os.PathLike object, not {rt.TypeName(p[1])}");
            return null;
        }

        if (p[3] != null && !PyRuntime.IsInt(p[3]))
        {
            rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(p[3])}' object cannot be interpreted as an integer");
            return null;
        }

        if (p[3] != null && ((long)PyRuntime.IntToBigInteger(p[3]) & 0x400) != 0)
        {
            rt.SetError(rt.NotImplementedErrorType, "compile() to an AST (ast.PyCF_ONLY_AST) is not supported by Refheap yet");
            return null;
        }

        if (p[0]->Type == rt.CodeType)
        {
            return PyRuntime.NewRef(p[0]);
        }

        byte[] src;
        if (PyRuntime.IsStr(p[0]))
        {
            src = Encoding.UTF8.GetBytes(PyRuntime.StrToString(p[0]));
        }
        else if (PyRuntime.IsBytes(p[0]) || PyRuntime.IsSubtype(p[0]->Type, rt.ByteArrayType))
        {
            src = BytesOf(p[0]);
        }
        else
        {
            rt.SetError(rt.TypeErrorType, "compile() arg 1 must be a string, bytes or AST object");
            return null;
        }

        if (System.Array.IndexOf(src, (byte)0) >= 0)
        {
            rt.SetError(ExceptionType("SyntaxError"), "source code string cannot contain null bytes");
            return null;
        }

        // 'single' compiles like 'exec' here: an expression statement's value is not echoed.
        return CompileSource(src, filename, mode != "eval");
    }

    /// <summary>input(prompt=None): writes the prompt to sys.stdout, reads a line from sys.stdin.</summary>
    public PyObject* InputBuiltin(PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        if (!ArgParse.Positional(rt, "input", nargs, 0, 1, kwnames))
        {
            return null;
        }

        PyObject* stdin = SysAttrOrLost("stdin");
        PyObject* stdout = stdin == null ? null : SysAttrOrLost("stdout");
        if (stdout == null)
        {
            rt.XDecRef(stdin);
            return null;
        }

        PyObject* line = null;
        PyObject* stderr = Rt.DictGetItemStr(PyRuntime.ModuleDict(SysModule), Str("stderr"));
        if (stderr != null && stderr != rt.None && !CallMethodNoResult(stderr, "flush"))
        {
            rt.ClearError();
        }

        if (nargs == 1 && args[0] != rt.None)
        {
            PyObject* text = ToStr(args[0]);
            if (text == null || !CallMethodNoResult(stdout, "write", text))
            {
                rt.XDecRef(text);
                goto done;
            }

            rt.DecRef(text);
        }

        if (!CallMethodNoResult(stdout, "flush"))
        {
            goto done;
        }

        PyObject* readline = GetAttr(stdin, Str("readline"));
        line = readline == null ? null : Call(readline, null, 0, null);
        rt.XDecRef(readline);
        if (line == null)
        {
            goto done;
        }

        if (!PyRuntime.IsStr(line))
        {
            rt.DecRef(line);
            line = null;
            rt.SetError(rt.TypeErrorType, "object.readline() returned non-string");
            goto done;
        }

        string s = PyRuntime.StrToString(line);
        if (s.Length == 0)
        {
            rt.DecRef(line);
            line = null;
            rt.SetError(ExceptionType("EOFError"), "EOF when reading a line");
            goto done;
        }

        if (s[^1] == '\n')
        {
            rt.DecRef(line);
            line = rt.NewStr(s[..^1]);
        }

    done:
        rt.DecRef(stdin);
        rt.DecRef(stdout);
        return line;
    }

    private PyObject* SysAttrOrLost(string name)
    {
        PyObject* v = Rt.DictGetItemStr(PyRuntime.ModuleDict(SysModule), Str(name));
        if (v == null || v == Rt.None)
        {
            Rt.SetError(Rt.RuntimeErrorType, $"input(): lost sys.{name}");
            return null;
        }

        return PyRuntime.NewRef(v);
    }

    private bool CallMethodNoResult(PyObject* obj, string name, PyObject* arg = null)
    {
        PyObject* fn = GetAttr(obj, Str(name));
        if (fn == null)
        {
            return false;
        }

        PyObject* r = arg == null ? Call(fn, null, 0, null) : CallOneArg(fn, arg);
        Rt.DecRef(fn);
        if (r == null)
        {
            return false;
        }

        Rt.DecRef(r);
        return true;
    }
}
