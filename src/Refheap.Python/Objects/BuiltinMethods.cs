using System;
using System.Collections.Generic;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Objects;

/// <summary>How a builtin type's attribute is bound (method_descriptor, classmethod_descriptor, staticmethod).</summary>
internal enum MethodKind
{
    /// <summary>An instance method: bound to the instance on access; called unbound with self first.</summary>
    Instance,

    /// <summary>A class method (dict.fromkeys, int.from_bytes): bound to the class.</summary>
    Class,

    /// <summary>A static function (str.maketrans, and every type's __new__, which takes the class first).</summary>
    Static,
}

/// <summary>One builtin method of a builtin type.</summary>
internal sealed record MethodSpec(string Name, VectorCall Body, MethodKind Kind);

/// <summary>A getter (and optional setter) of a builtin type's data attribute (getset_descriptor).</summary>
internal unsafe delegate PyObject* Getter(Interpreter interp, PyObject* self);

internal unsafe delegate int Setter(Interpreter interp, PyObject* self, PyObject* value);

internal sealed record GetSetSpec(string Name, Getter Get, Setter? Set);

/// <summary>
/// The table of builtin types' methods and attributes. Each type's methods are registered
/// once per process (the bodies are static functions); at start-up each interpreter turns them
/// into descriptors in the type's dict. A body receives (runtime, self, args, nargs, kwnames)
/// with self the instance (instance methods), the class (class methods) or null (static); it
/// finds the interpreter with <see cref="Interpreter.Of"/>.
/// </summary>
internal static unsafe class BuiltinMethods
{
    private static readonly object s_lock = new();
    private static readonly Dictionary<string, List<MethodSpec>> s_methods = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, List<GetSetSpec>> s_getsets = new(StringComparer.Ordinal);
    private static bool s_registered;

    /// <summary>Registers a method of the builtin type named <paramref name="typeName"/> (its tp_name).</summary>
    public static void Add(string typeName, string name, VectorCall body, MethodKind kind = MethodKind.Instance)
    {
        if (!s_methods.TryGetValue(typeName, out List<MethodSpec>? list))
        {
            list = new List<MethodSpec>();
            s_methods[typeName] = list;
        }

        list.RemoveAll(m => m.Name == name);
        list.Add(new MethodSpec(name, body, kind));
    }

    /// <summary>Registers a data attribute of a builtin type.</summary>
    public static void AddGetSet(string typeName, string name, Getter get, Setter? set = null)
    {
        if (!s_getsets.TryGetValue(typeName, out List<GetSetSpec>? list))
        {
            list = new List<GetSetSpec>();
            s_getsets[typeName] = list;
        }

        list.RemoveAll(m => m.Name == name);
        list.Add(new GetSetSpec(name, get, set));
    }

    public static IReadOnlyList<MethodSpec> MethodsOf(string typeName)
    {
        EnsureRegistered();
        return s_methods.TryGetValue(typeName, out List<MethodSpec>? list) ? list : [];
    }

    public static IReadOnlyList<GetSetSpec> GetSetsOf(string typeName)
    {
        EnsureRegistered();
        return s_getsets.TryGetValue(typeName, out List<GetSetSpec>? list) ? list : [];
    }

    /// <summary>Runs every registration function once.</summary>
    private static void EnsureRegistered()
    {
        lock (s_lock)
        {
            if (s_registered)
            {
                return;
            }

            s_registered = true;
            foreach (Action register in Registrations.All)
            {
                register();
            }
        }
    }
}
