using System.Runtime.CompilerServices;
using Refheap.Runtime;
using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Python.Vm;

// The eval loop's names for Py_INCREF / Py_DECREF (the runtime's own, inlined: the Refheap
// assemblies are one ReadyToRun version bubble) and its cached copies of the types and
// singletons it tests on every instruction, plus the field accessors of its fast paths.
internal sealed unsafe partial class Interpreter
{
    private PyTypeObject* _loopIntType;
    private PyTypeObject* _loopFloatType;
    private PyTypeObject* _loopStrType;
    private PyTypeObject* _loopFunctionType;
    private PyTypeObject* _loopListIterType;
    private PyTypeObject* _loopListType;
    private PyTypeObject* _loopTupleType;
    private PyTypeObject* _loopDictType;
    private PyObject* _loopTrue;
    private PyObject* _loopFalse;
    private PyObject* _loopNone;

    /// <summary>Fills the loop's copies of the runtime's types and singletons (once, before the first frame runs).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void InitLoopCache()
    {
        PyRuntime rt = Rt;
        _loopFloatType = rt.FloatType;
        _loopStrType = rt.StrType;
        _loopFunctionType = rt.PyFunctionType;
        _loopListIterType = rt.ListIterType;
        _loopListType = rt.ListType;
        _loopTupleType = rt.TupleType;
        _loopDictType = rt.DictType;
        _loopTrue = rt.True;
        _loopFalse = rt.False;
        _loopNone = rt.None;
        _loopIntType = rt.IntType;
    }

    /// <summary>Py_INCREF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LoopIncRef(PyObject* o) => PyRuntime.IncRef(o);

    /// <summary>Py_NewRef.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyObject* LoopNewRef(PyObject* o) => PyRuntime.NewRef(o);

    /// <summary>Py_DECREF (PyRuntime.DecRef).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LoopDecRef(PyRuntime rt, PyObject* o) => rt.DecRef(o);

    /// <summary>Py_XDECREF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LoopXDecRef(PyRuntime rt, PyObject* o)
    {
        if (o != null)
        {
            LoopDecRef(rt, o);
        }
    }

    /// <summary>IS_MEDIUM_VALUE: an int of at most one digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool LoopIsMediumInt(PyObject* o) => (nuint)(((PyVarObject*)o)->Size + 1) < 3;

    /// <summary>medium_value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long LoopMediumValue(PyObject* o) => ((PyVarObject*)o)->Size * (long)((PyLongObject*)o)->Digit0;

    /// <summary>PyFloat_AS_DOUBLE.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LoopFloatValue(PyObject* o) => ((PyFloatObject*)o)->Value;

    /// <summary>_PyFrame_GetLocalsArray.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyObject** LoopLocalsPlus(InterpreterFrame* f) => &f->LocalsPlus0;

    /// <summary>PyTuple_GET_ITEM's address (items follow the 24-byte header).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyObject** LoopTupleItems(PyObject* t) => (PyObject**)((byte*)t + 24);

    /// <summary>ob_item of a list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyObject** LoopListItems(PyObject* l) => ((PyListObject*)l)->Items;

    /// <summary>PyCell_GET.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyObject* LoopCellGet(PyObject* cell) => ((PyCellObject*)cell)->Ref;
}
