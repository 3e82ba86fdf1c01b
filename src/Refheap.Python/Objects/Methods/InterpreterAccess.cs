using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Entry points into the interpreter's builtin operator code for the builtin types' dunder
// methods (int.__add__, list.__setitem__, ...): the builtin behaviour alone, without the
// class-level dispatch that would find a subclass's override again.
internal sealed unsafe partial class Interpreter
{
    /// <summary>An int op int result (NotImplemented for ops ints lack); both operands must be ints.</summary>
    public PyObject* IntBinaryBase(PyObject* a, PyObject* b, int op) => IntBinary(a, b, op);

    /// <summary>A float op float result for two doubles.</summary>
    public PyObject* FloatBinaryBase(double x, double y, int op) => FloatBinary(x, y, op);

    /// <summary>list[key] = value or del list[key] (value null), int or slice keys.</summary>
    public int ListSetItemBase(PyObject* list, PyObject* key, PyObject* value) => ListSetItem(list, key, value);

    /// <summary>seq * n for lists and tuples (NotImplemented when n is not an index).</summary>
    public PyObject* SequenceRepeatBase(PyObject* seq, PyObject* count, bool inplace) => SequenceRepeat(seq, count, inplace);

    /// <summary>list *= n.</summary>
    public PyObject* ListInPlaceRepeatBase(PyObject* list, PyObject* count) => ListInPlaceRepeat(list, count);

    /// <summary>seq + other for the builtin sequences (NotImplemented when other does not fit).</summary>
    public PyObject* SequenceConcatBase(PyObject* a, PyObject* b) => SequenceConcat(a, b, false);

    /// <summary>range[key].</summary>
    public PyObject* RangeSubscriptBase(PyObject* range, PyObject* key) => RangeSubscript(range, key);
}
