using System;
using System.Collections.Generic;
using Refheap.Python.Compiler;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Argument binding (Python/ceval.c, 3.11: initialize_locals and its error messages) for calls
// that CallPyFunction's simple path does not take.
internal sealed unsafe partial class Interpreter
{
    /// <summary>initialize_locals: binds positional, keyword, default, *args and **kwargs; makes the cells; copies the closure.</summary>
    private bool BindArguments(PyFunctionObject* fn, PyCodeObject* code, CodeInfo info, InterpreterFrame* f, PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        PyObject** locals = InterpreterFrame.LocalsPlus(f);
        int argCount = code->ArgCount;
        int kwOnly = code->KwOnlyArgCount;
        int posOnly = code->PosOnlyArgCount;
        bool hasVarargs = (code->Flags & CodeFlags.VarArgs) != 0;
        bool hasVarkw = (code->Flags & CodeFlags.VarKeywords) != 0;
        int total = argCount + kwOnly;
        PyObject* kwdict = null;
        if (hasVarkw)
        {
            kwdict = rt.NewDict();
            if (kwdict == null)
            {
                return false;
            }

            locals[total + (hasVarargs ? 1 : 0)] = kwdict;
        }

        nint n = Math.Min(nargs, argCount);
        for (nint i = 0; i < n; i++)
        {
            locals[i] = PyRuntime.NewRef(args[i]);
        }

        if (hasVarargs)
        {
            nint extra = nargs - n;
            PyObject* t = rt.NewTuple(extra);
            if (t == null)
            {
                return false;
            }

            for (nint i = 0; i < extra; i++)
            {
                PyRuntime.TupleItems(t)[i] = PyRuntime.NewRef(args[n + i]);
            }

            locals[total] = t;
        }
        else if (nargs > argCount)
        {
            TooManyPositional(fn, code, info, locals, nargs, kwnames);
            return false;
        }

        // Keyword arguments.
        nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
        List<string>? posOnlyAsKw = null;
        for (nint k = 0; k < nkw; k++)
        {
            PyObject* key = PyRuntime.TupleItems(kwnames)[k];
            PyObject* value = args[nargs + k];
            int index = -1;
            for (int j = posOnly; j < total; j++)
            {
                PyObject* name = PyRuntime.TupleItems(code->LocalsPlusNames)[j];
                if (name == key || PyRuntime.StrEquals(name, key))
                {
                    index = j;
                    break;
                }
            }

            if (index < 0)
            {
                if (kwdict != null)
                {
                    if (rt.DictSetItem(kwdict, key, value) < 0)
                    {
                        return false;
                    }

                    continue;
                }

                bool isPosOnly = false;
                for (int j = 0; j < posOnly; j++)
                {
                    if (PyRuntime.StrEquals(PyRuntime.TupleItems(code->LocalsPlusNames)[j], key))
                    {
                        isPosOnly = true;
                    }
                }

                if (isPosOnly)
                {
                    (posOnlyAsKw ??= new List<string>()).Add(PyRuntime.StrToString(key));
                    continue;
                }

                rt.SetError(rt.TypeErrorType, $"{QualName(fn)}() got an unexpected keyword argument '{PyRuntime.StrToString(key)}'");
                return false;
            }

            if (locals[index] != null)
            {
                rt.SetError(rt.TypeErrorType, $"{QualName(fn)}() got multiple values for argument '{PyRuntime.StrToString(key)}'");
                return false;
            }

            locals[index] = PyRuntime.NewRef(value);
        }

        if (posOnlyAsKw != null)
        {
            rt.SetError(rt.TypeErrorType, $"{QualName(fn)}() got some positional-only arguments passed as keyword arguments: '{string.Join(", ", posOnlyAsKw)}'");
            return false;
        }

        // Defaults for missing positional arguments.
        if (nargs < argCount)
        {
            nint ndefs = fn->Defaults == null ? 0 : PyRuntime.TupleSize(fn->Defaults);
            nint firstDefault = argCount - ndefs;
            var missing = new List<string>();
            for (int i = (int)nargs; i < argCount; i++)
            {
                if (locals[i] == null)
                {
                    if (i >= firstDefault)
                    {
                        locals[i] = PyRuntime.NewRef(PyRuntime.TupleItems(fn->Defaults)[i - firstDefault]);
                    }
                    else
                    {
                        missing.Add(info.Source.VarNames[i]);
                    }
                }
            }

            if (missing.Count > 0)
            {
                MissingArguments(fn, missing, "positional");
                return false;
            }
        }

        if (kwOnly > 0)
        {
            var missing = new List<string>();
            for (int i = argCount; i < total; i++)
            {
                if (locals[i] != null)
                {
                    continue;
                }

                PyObject* name = PyRuntime.TupleItems(code->LocalsPlusNames)[i];
                PyObject* def = fn->KwDefaults == null ? null : rt.DictGetItemStr(fn->KwDefaults, name);
                if (def != null)
                {
                    locals[i] = PyRuntime.NewRef(def);
                }
                else
                {
                    missing.Add(info.Source.VarNames[i]);
                }
            }

            if (missing.Count > 0)
            {
                MissingArguments(fn, missing, "keyword-only");
                return false;
            }
        }

        // Cells (a cell parameter's value moves into its cell) and the closure.
        int nlocals = info.NLocals;
        for (int c = 0; c < info.NCells; c++)
        {
            int param = info.CellParams[c];
            PyObject* initial = null;
            if (param >= 0)
            {
                initial = locals[param];
                locals[param] = null;
            }

            PyObject* cell = rt.NewCell(initial);
            rt.XDecRef(initial);
            if (cell == null)
            {
                return false;
            }

            locals[nlocals + c] = cell;
        }

        if (info.NFree > 0)
        {
            PyObject* closure = fn->Closure;
            for (int j = 0; j < info.NFree; j++)
            {
                locals[nlocals + info.NCells + j] = PyRuntime.NewRef(PyRuntime.TupleItems(closure)[j]);
            }
        }

        return true;
    }

    private static string QualName(PyFunctionObject* fn) => PyRuntime.StrToString(fn->QualName);

    private void MissingArguments(PyFunctionObject* fn, List<string> missing, string kind)
    {
        string names;
        if (missing.Count == 1)
        {
            names = $"'{missing[0]}'";
        }
        else if (missing.Count == 2)
        {
            names = $"'{missing[0]}' and '{missing[1]}'";
        }
        else
        {
            var quoted = missing.ConvertAll(m => $"'{m}'");
            names = string.Join(", ", quoted.GetRange(0, quoted.Count - 1)) + ", and " + quoted[^1];
        }

        string plural = missing.Count == 1 ? "" : "s";
        Rt.SetError(Rt.TypeErrorType, $"{QualName(fn)}() missing {missing.Count} required {kind} argument{plural}: {names}");
    }

    private void TooManyPositional(PyFunctionObject* fn, PyCodeObject* code, CodeInfo info, PyObject** locals, nint given, PyObject* kwnames)
    {
        int argCount = code->ArgCount;
        nint ndefs = fn->Defaults == null ? 0 : PyRuntime.TupleSize(fn->Defaults);
        int kwOnlyGiven = 0;
        nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
        for (nint k = 0; k < nkw; k++)
        {
            PyObject* key = PyRuntime.TupleItems(kwnames)[k];
            for (int j = argCount; j < argCount + code->KwOnlyArgCount; j++)
            {
                if (PyRuntime.StrEquals(PyRuntime.TupleItems(code->LocalsPlusNames)[j], key))
                {
                    kwOnlyGiven++;
                }
            }
        }

        string takes = ndefs > 0
            ? $"from {argCount - ndefs} to {argCount} positional arguments"
            : $"{argCount} positional argument{(argCount == 1 ? "" : "s")}";
        string was = given == 1 ? "was" : "were";
        string kwPart = kwOnlyGiven > 0
            ? $" positional argument{(given == 1 ? "" : "s")} (and {kwOnlyGiven} keyword-only argument{(kwOnlyGiven == 1 ? "" : "s")})"
            : "";
        Rt.SetError(Rt.TypeErrorType, $"{QualName(fn)}() takes {takes} but {given}{kwPart} {was} given");
        _ = info;
        _ = locals;
    }
}
