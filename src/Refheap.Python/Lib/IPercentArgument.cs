using System.Collections.Generic;
using System.Numerics;

namespace Refheap.Python.Lib;

/// <summary>
/// One Python object as <see cref="PercentFormatter"/> sees it: the right operand of <c>str % args</c>, a tuple
/// item, or a mapping value. The VM implements it over its objects; every member mirrors one C-API call of
/// Objects/unicodeobject.c (3.11: PyUnicode_Format). Errors other than the TypeErrors the Try methods report are
/// the VM's to raise (e.g. ValueError from int(nan), KeyError from a missing key).
/// </summary>
public interface IPercentArgument
{
    /// <summary>The type's tp_name for messages ("str", "float", ...).</summary>
    public string TypeName { get; }

    /// <summary>sys.get_int_max_str_digits(): the most decimal digits %d may produce (0: no limit).</summary>
    public int MaxStrDigits { get; }

    /// <summary>The items when the object is a tuple (PyTuple_Check), else null.</summary>
    public IReadOnlyList<IPercentArgument>? TupleItems { get; }

    /// <summary>PyMapping_Check and neither a tuple nor a str: <c>%(key)s</c> looks keys up in it.</summary>
    public bool IsMapping { get; }

    /// <summary>PyLong_Check (int and subclasses, bool included).</summary>
    public bool IsInt { get; }

    /// <summary>PyNumber_Check: has __index__, __int__, __float__ or is complex.</summary>
    public bool IsNumber { get; }

    /// <summary>The value when the object is a str (PyUnicode_Check), else null.</summary>
    public string? StrValue { get; }

    /// <summary><c>mapping[key]</c> (PyObject_GetItem).</summary>
    public IPercentArgument GetItem(string key);

    /// <summary>
    /// bytes % args, %s and %b: the bytes of a bytes-like object or of its __bytes__(), as
    /// latin-1 text; null when it is neither.
    /// </summary>
    public string? BytesValue => null;

    /// <summary>PyBytes_Check or PyByteArray_Check (bytes % never treats those as a mapping).</summary>
    public bool IsBytesOrByteArray => false;

    /// <summary>bytes % mapping: <c>mapping[key]</c> with a bytes key (given as latin-1 text).</summary>
    public IPercentArgument GetItemBytes(string latin1Key) => GetItem(latin1Key);

    /// <summary><c>str(v)</c>.</summary>
    public string Str();

    /// <summary><c>repr(v)</c>.</summary>
    public string Repr();

    /// <summary><c>ascii(v)</c>.</summary>
    public string Ascii();

    /// <summary><c>operator.index(v)</c>; false when that raises TypeError.</summary>
    public bool TryIndex(out BigInteger value);

    /// <summary><c>int(v)</c> (PyNumber_Long); false when that raises TypeError.</summary>
    public bool TryInt(out BigInteger value);

    /// <summary>PyFloat_AsDouble (__float__, then __index__); false when that raises TypeError.</summary>
    public bool TryFloat(out double value);
}
