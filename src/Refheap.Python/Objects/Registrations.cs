using System;

namespace Refheap.Python.Objects;

/// <summary>
/// The registration functions of the builtin types' methods, run once per process. Each
/// file that defines methods adds its Register here.
/// </summary>
internal static class Registrations
{
    public static readonly Action[] All =
    [
        CoreMethods.Register,
        Vm.Interpreter.RegisterComplexMethods,
        Constructors.Register,
        MoreMethods.Register,
        Methods.StrMethods.Register,
        Methods.BytesMethods.Register,
        Methods.ListMethods.Register,
        Methods.TupleMethods.Register,
        Methods.DictMethods.Register,
        Methods.DictViewMethods.Register,
        Methods.SetMethods.Register,
        Methods.IntMethods.Register,
        Methods.FloatMethods.Register,
        Methods.RangeSliceMethods.Register,
        Methods.WeakrefMethods.Register,
        Deque.Deque.Register,
    ];
}
