using System;
using System.Runtime.CompilerServices;
using Refheap.Python.Compiler;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Calls (Objects/call.c, Python/ceval.c: _PyEval_Vector, initialize_locals; 3.11). Arguments
// are passed vectorcall-style: a borrowed array of positional then keyword values, with a
// tuple of keyword names; no argument tuple is built on the way.
internal sealed unsafe partial class Interpreter
{
    /// <summary>callable(*args, **kw) in vectorcall form: a new reference or null with an error.</summary>
    public PyObject* Call(PyObject* callable, PyObject** args, nint nargs, PyObject* kwnames)
    {
        // The commonest callables first; everything that needs a buffer or a lookup is in a
        // method of its own, so this one stays a short chain of tests.
        PyRuntime rt = Rt;
        PyTypeObject* t = callable->Type;
        if (t == rt.PyFunctionType)
        {
            return CallPyFunction(callable, args, nargs, kwnames);
        }

        if (t == rt.FunctionType)
        {
            BuiltinDef def = rt.BuiltinDefOf(callable);
            if (def.VectorBody != null)
            {
                return def.VectorBody(rt, ((PyManagedFunctionObject*)callable)->Self, args, nargs, kwnames);
            }

            return CallViaTuple(callable, args, nargs, kwnames);
        }

        if (t == MethodDescriptorType)
        {
            return CallMethodDescriptor(callable, args, nargs, kwnames);
        }

        if (t == rt.MethodType)
        {
            return CallBoundMethod((PyMethodObject*)callable, args, nargs, kwnames);
        }

        if (callable == (PyObject*)rt.TypeType && nargs == 1 && kwnames == null)
        {
            // type(x): type_vectorcall's one-argument case (no argument tuple, nothing allocated).
            return PyRuntime.NewRef((PyObject*)args[0]->Type);
        }

        return CallOther(callable, args, nargs, kwnames);
    }

    /// <summary>A bound method: its function with self before the arguments.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private PyObject* CallBoundMethod(PyMethodObject* m, PyObject** args, nint nargs, PyObject* kwnames)
    {
        nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
        nint total = nargs + nkw;
        if (total < 16)
        {
            PyObject** small = stackalloc PyObject*[16];
            small[0] = m->Self;
            for (nint i = 0; i < total; i++)
            {
                small[i + 1] = args[i];
            }

            return Call(m->Func, small, nargs + 1, kwnames);
        }

        var big = new nint[total + 1];
        big[0] = (nint)m->Self;
        for (nint i = 0; i < total; i++)
        {
            big[i + 1] = (nint)args[i];
        }

        fixed (nint* p = big)
        {
            return Call(m->Func, (PyObject**)p, nargs + 1, kwnames);
        }
    }

    /// <summary>Call for classes, instances with __call__ and the remaining callable types.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private PyObject* CallOther(PyObject* callable, PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        PyTypeObject* t = callable->Type;
        if (PyRuntime.IsSubtype(t, rt.TypeType))
        {
            // A metaclass's own __call__ (above type's) decides how its classes are called.
            if ((t->Flags & TypeFlags.HeapType) != 0)
            {
                PyObject* metaCall = LookupUserDunder(t, "__call__");
                if (metaCall != null)
                {
                    return CallWithSelf(metaCall, callable, args, nargs, kwnames);
                }
            }

            return TypeCall((PyTypeObject*)callable, args, nargs, kwnames);
        }

        if ((t->Flags & TypeFlags.HeapType) != 0)
        {
            PyObject* fn = LookupUserDunder(t, "__call__");
            if (fn != null)
            {
                return CallWithSelf(fn, callable, args, nargs, kwnames);
            }
        }

        if (t->Call != null)
        {
            return CallViaTuple(callable, args, nargs, kwnames);
        }

        rt.SetError(rt.TypeErrorType, $"'{rt.TypeName(callable)}' object is not callable");
        return null;
    }

    /// <summary>Calls an attribute found on a type with <paramref name="self"/> prepended (descriptors bound as needed).</summary>
    public PyObject* CallWithSelf(PyObject* fn, PyObject* self, PyObject** args, nint nargs, PyObject* kwnames)
    {
        nint nkw = kwnames == null ? 0 : PyRuntime.TupleSize(kwnames);
        nint total = nargs + nkw;
        if (total < 8)
        {
            nint* small = stackalloc nint[8];
            small[0] = (nint)self;
            for (nint i = 0; i < total; i++)
            {
                small[i + 1] = (nint)args[i];
            }

            return CallWithSelfPrepended(fn, self, (PyObject**)small, args, nargs, kwnames);
        }

        var buf = new nint[total + 1];
        buf[0] = (nint)self;
        for (nint i = 0; i < total; i++)
        {
            buf[i + 1] = (nint)args[i];
        }

        fixed (nint* p = buf)
        {
            return CallWithSelfPrepended(fn, self, (PyObject**)p, args, nargs, kwnames);
        }
    }

    /// <summary>CallWithSelf once <paramref name="p"/> holds self then the arguments.</summary>
    private PyObject* CallWithSelfPrepended(PyObject* fn, PyObject* self, PyObject** p, PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyTypeObject* ft = fn->Type;
        if (ft == Rt.PyFunctionType || ft == MethodDescriptorType)
        {
            return Call(fn, (PyObject**)p, nargs + 1, kwnames);
        }

        var get = ft->DescrGet;
        if (get == null)
        {
            return Call(fn, args, nargs, kwnames);
        }

        PyObject* bound = get(Rt, fn, self, (PyObject*)self->Type);
        if (bound == null)
        {
            return null;
        }

        PyObject* r = Call(bound, args, nargs, kwnames);
        Rt.DecRef(bound);
        return r;
    }

    /// <summary>tp_call with an argument tuple and a kwargs dict, for objects that only have that.</summary>
    private PyObject* CallViaTuple(PyObject* callable, PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyRuntime rt = Rt;
        PyObject* tuple = rt.NewTuple(nargs);
        if (tuple == null)
        {
            return null;
        }

        for (nint i = 0; i < nargs; i++)
        {
            PyRuntime.TupleItems(tuple)[i] = PyRuntime.NewRef(args[i]);
        }

        PyObject* kwargs = null;
        if (kwnames != null && PyRuntime.TupleSize(kwnames) > 0)
        {
            kwargs = rt.NewDict();
            for (nint k = 0; kwargs != null && k < PyRuntime.TupleSize(kwnames); k++)
            {
                if (rt.DictSetItem(kwargs, PyRuntime.TupleItems(kwnames)[k], args[nargs + k]) < 0)
                {
                    rt.DecRef(kwargs);
                    kwargs = null;
                }
            }

            if (kwargs == null)
            {
                rt.DecRef(tuple);
                return null;
            }
        }

        PyObject* r = callable->Type->Call(rt, callable, tuple, kwargs);
        rt.DecRef(tuple);
        rt.XDecRef(kwargs);
        return r;
    }

    public PyObject* CallOneArg(PyObject* callable, PyObject* arg)
    {
        PyObject** args = stackalloc PyObject*[1];
        args[0] = arg;
        return Call(callable, args, 1, null);
    }

    public PyObject* CallNoArgs(PyObject* callable) => Call(callable, null, 0, null);

    /// <summary>CALL_FUNCTION_EX: f(*args, **kwargs) with a tuple (or any iterable) and a dict (or mapping).</summary>
    public PyObject* CallFunctionEx(PyObject* func, PyObject* callargs, PyObject* kwargs)
    {
        PyRuntime rt = Rt;
        PyObject* tuple;
        if (callargs->Type == rt.TupleType)
        {
            tuple = PyRuntime.NewRef(callargs);
        }
        else
        {
            tuple = SequenceToTuple(callargs);
            if (tuple == null)
            {
                if (rt.ErrorMatches(rt.TypeErrorType))
                {
                    rt.ClearError();
                    rt.SetError(rt.TypeErrorType, $"{CallableName(func)} argument after * must be an iterable, not {rt.TypeName(callargs)}");
                }

                return null;
            }
        }

        nint nargs = PyRuntime.TupleSize(tuple);
        nint nkw = kwargs == null ? 0 : rt.DictSize(kwargs);
        if (nkw == 0)
        {
            PyObject* r0 = Call(func, PyRuntime.TupleItems(tuple), nargs, null);
            rt.DecRef(tuple);
            return r0;
        }

        PyObject* kwnames = rt.NewTuple(nkw);
        var stack = new nint[nargs + nkw];
        for (nint i = 0; i < nargs; i++)
        {
            stack[i] = (nint)PyRuntime.TupleItems(tuple)[i];
        }

        nint pos = 0;
        nint k = 0;
        while (rt.DictNext(kwargs, ref pos, out PyObject* key, out PyObject* value))
        {
            if (!PyRuntime.IsStr(key))
            {
                rt.DecRef(kwnames);
                rt.DecRef(tuple);
                rt.SetError(rt.TypeErrorType, "keywords must be strings");
                return null;
            }

            PyRuntime.TupleItems(kwnames)[k] = PyRuntime.NewRef(key);
            stack[nargs + k] = (nint)value;
            k++;
        }

        // Keep the values alive while the call runs (the dict could be changed by the callee).
        for (nint i = nargs; i < nargs + nkw; i++)
        {
            PyRuntime.IncRef((PyObject*)stack[i]);
        }

        PyObject* r;
        fixed (nint* p = stack)
        {
            r = Call(func, (PyObject**)p, nargs, kwnames);
        }

        for (nint i = nargs; i < nargs + nkw; i++)
        {
            rt.DecRef((PyObject*)stack[i]);
        }

        rt.DecRef(kwnames);
        rt.DecRef(tuple);
        return r;
    }

    /// <summary>The name CPython puts in call errors: a function's qualname with "()".</summary>
    public string CallableName(PyObject* func)
    {
        if (func->Type == Rt.PyFunctionType)
        {
            // _PyObject_FunctionStr: module.qualname() unless the module is builtins.
            var fn = (PyFunctionObject*)func;
            string q = PyRuntime.StrToString(fn->QualName);
            if (fn->Module != null && PyRuntime.IsStr(fn->Module) && PyRuntime.StrToString(fn->Module) != "builtins")
            {
                return PyRuntime.StrToString(fn->Module) + "." + q + "()";
            }

            return q + "()";
        }

        if (func->Type == Rt.FunctionType)
        {
            return Rt.BuiltinDefOf(func).Name + "()";
        }

        return Rt.TypeName(func) + " object";
    }

    /// <summary>MAKE_FUNCTION.</summary>
    private PyObject* MakeFunction(InterpreterFrame* f, PyObject* codeObj, PyObject* defaults, PyObject* kwdefaults, PyObject* annotations, PyObject* closure)
    {
        PyRuntime rt = Rt;
        var code = (PyCodeObject*)codeObj;
        PyObject* func = rt.NewPyFunction(codeObj, f->Globals, code->Name, code->QualName, f->Builtins);
        if (func == null)
        {
            return null;
        }

        var fn = (PyFunctionObject*)func;
        var info = (CodeInfo)rt.GetManaged(code->ManagedId);
        if (info.Source.Consts.Count > 0 && info.Source.Consts[0] is string && (code->Flags & CodeFlags.Optimized) != 0)
        {
            rt.FunctionSetDoc(func, PyRuntime.TupleItems(code->Consts)[0]);
        }

        if (defaults != null)
        {
            rt.FunctionSetDefaults(func, defaults);
        }

        if (kwdefaults != null)
        {
            rt.FunctionSetKwDefaults(func, kwdefaults);
        }

        if (closure != null)
        {
            rt.FunctionSetClosure(func, closure);
        }

        if (annotations != null)
        {
            PyObject* d = rt.NewDict();
            if (d == null)
            {
                rt.DecRef(func);
                return null;
            }

            for (nint i = 0; i + 1 < PyRuntime.TupleSize(annotations); i += 2)
            {
                rt.DictSetItem(d, PyRuntime.TupleItems(annotations)[i], PyRuntime.TupleItems(annotations)[i + 1]);
            }

            rt.FunctionSetAnnotations(func, d);
            rt.DecRef(d);
        }

        _ = fn;
        return func;
    }

    /// <summary>
    /// Calls a Python function: a new frame with the arguments bound, run to completion (or a
    /// generator). With <paramref name="steal"/> (the eval loop's CALL) the frame takes over the
    /// caller's references to the arguments and, for a frame that runs, to the function in args[-1].
    /// </summary>
    public PyObject* CallPyFunction(PyObject* func, PyObject** args, nint nargs, PyObject* kwnames, bool steal = false)
    {
        PyRuntime rt = Rt;
        var fn = (PyFunctionObject*)func;
        var code = (PyCodeObject*)fn->Code;
        CodeInfo info = Unsafe.As<CodeInfo>(rt.GetManaged(code->ManagedId));
        if (kwnames == null && info.SimpleArgs && !info.IsGenerator && FitsSimpleFrame(fn, code, nargs))
        {
            return CallSimple(fn, code, info, args, nargs, steal);
        }

        if (info.IsGenerator)
        {
            PyObject* g = MakeGenerator(fn, code, info, args, nargs, kwnames);
            if (steal)
            {
                ReleaseArgs(args, nargs, kwnames);
            }

            return g;
        }

        InterpreterFrame* f = PushFrame(info.FrameSize);
        InitFrame(f, fn, code, FrameOwner.Thread);
        bool bound = BindArguments(fn, code, info, f, args, nargs, kwnames);
        if (steal)
        {
            // 3.11 moves the caller's stack references into the new frame: release them now,
            // so the callee sees the reference counts CPython shows. The function's own slot
            // comes just before the arguments (the eval loop's CALL), and f_func took it over too.
            ReleaseArgs(args, nargs, kwnames);
            System.Diagnostics.Debug.Assert(args[-1] == func, "the eval loop's CALL keeps the function just before its arguments");
            args[-1] = null;
            rt.DecRef(func);
        }

        if (!bound)
        {
            rt.FrameClear(f);
            PopFrame(f);
            return null;
        }

        PyObject* result = EvalFrame(f, info, throwing: false);
        rt.FrameClear(f);
        PopFrame(f);
        return result;
    }

    /// <summary>
    /// Whether <paramref name="nargs"/> positional arguments bind to <see cref="CodeInfo.SimpleArgs"/>
    /// code without BindArguments: all of its positional parameters, or all but a tail that the
    /// defaults tuple covers (a __defaults__ that is not a tuple takes the general path).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool FitsSimpleFrame(PyFunctionObject* fn, PyCodeObject* code, nint nargs)
    {
        nint missing = code->ArgCount - nargs;
        if (missing == 0)
        {
            return true;
        }

        PyObject* defaults = fn->Defaults;
        return missing > 0 && defaults != null && defaults->Type == _loopTupleType
            && missing <= ((PyVarObject*)defaults)->Size;
    }

    /// <summary>
    /// CallPyFunction for <see cref="CodeInfo.SimpleArgs"/> code given its positional arguments
    /// (<see cref="FitsSimpleFrame"/>): they go to the first locals in order (moved when
    /// <paramref name="steal"/>, which leaves every count as taking a reference and dropping the
    /// caller's would), then new references to the defaults of the parameters not given (as
    /// initialize_locals takes them), then the closure's cells.
    /// </summary>
    private PyObject* CallSimple(PyFunctionObject* fn, PyCodeObject* code, CodeInfo info, PyObject** args, nint nargs, bool steal)
    {
        InterpreterFrame* f = PushSimpleFrame(fn, code, info, args, nargs, steal);
        PyObject* result = EvalFrame(f, info, throwing: false);
        Rt.FrameClear(f);
        PopFrame(f);
        return result;
    }

    /// <summary>
    /// fn(self, *args) for a Python function with positional arguments only (a class's
    /// __init__): the simple frame path gets self and new references to the arguments
    /// without an intermediate argument array; other functions go through CallWithSelf.
    /// </summary>
    private PyObject* CallFunctionWithSelf(PyFunctionObject* fn, PyObject* self, PyObject** args, nint nargs)
    {
        var code = (PyCodeObject*)fn->Code;
        CodeInfo info = Unsafe.As<CodeInfo>(Rt.GetManaged(code->ManagedId));
        if (!info.SimpleArgs || info.IsGenerator || nargs >= 8 || !FitsSimpleFrame(fn, code, nargs + 1))
        {
            return CallWithSelf((PyObject*)fn, self, args, nargs, null);
        }

        PyObject** all = stackalloc PyObject*[8];
        all[0] = self;
        for (nint i = 0; i < nargs; i++)
        {
            all[i + 1] = args[i];
        }

        return CallSimple(fn, code, info, all, nargs + 1, steal: false);
    }

    private void ReleaseArgs(PyObject** args, nint nargs, PyObject* kwnames)
    {
        nint total = nargs + (kwnames == null ? 0 : PyRuntime.TupleSize(kwnames));
        for (nint i = 0; i < total; i++)
        {
            PyObject* a = args[i];
            args[i] = null;
            Rt.XDecRef(a);
        }
    }

    private void InitFrame(InterpreterFrame* f, PyFunctionObject* fn, PyCodeObject* code, FrameOwner owner)
    {
        f->Func = PyRuntime.NewRef((PyObject*)fn);
        f->Globals = fn->Globals;
        f->Builtins = fn->Builtins;
        f->Locals = null;
        f->Code = (PyCodeObject*)PyRuntime.NewRef((PyObject*)code);
        f->FrameObj = null;
        f->Previous = null;
        f->PrevInstr = -1;
        f->StackTop = code->NLocalsPlus;
        f->IsEntry = 0;
        f->Owner = owner;
        new Span<nint>(InterpreterFrame.LocalsPlus(f), code->NLocalsPlus).Clear();
    }
}
