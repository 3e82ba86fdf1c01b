using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using Refheap.Python.Compiler;
using Refheap.Python.Syntax;
using Xunit;
using Assert = Xunit.Assert;

namespace Refheap.Python.Tests.Compiler;

/// <summary>
/// The code cache's serialized form: reading back what was written gives the same compiled
/// code (written again, the bytes are identical), for every module of the embedded library and
/// for constants of every kind.
/// </summary>
public class CodeSerializerTests
{
    private static CompiledCode Compile(string source, string filename = "x.py") =>
        PyCompiler.CompileModule(PythonParser.ParseModule(source, filename), filename);

    private static byte[] Write(CompiledCode code)
    {
        var w = new CodeWriter();
        Assert.True(CodeSerializer.TryWrite(w, code));
        return w.ToArray();
    }

    private static CompiledCode Read(byte[] data)
    {
        var r = new CodeReader(data, 0, data.Length);
        CompiledCode code = CodeSerializer.Read(r);
        Assert.Equal(data.Length, r.Position);
        return code;
    }

    public static IEnumerable<object[]> EmbeddedModules() =>
        typeof(CodeSerializer).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("pylib.", System.StringComparison.Ordinal) && n.EndsWith(".py", System.StringComparison.Ordinal))
            .Order(System.StringComparer.Ordinal)
            .Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(EmbeddedModules))]
    public void Every_embedded_module_round_trips(string resource)
    {
        using Stream s = typeof(CodeSerializer).Assembly.GetManifestResourceStream(resource)!;
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        CompiledCode code = PyCompiler.CompileModule(PythonParser.ParseModule(ms.ToArray(), resource), resource);
        byte[] first = Write(code);
        CompiledCode back = Read(first);
        Assert.Equal(first, Write(back));
        Assert.Equal(code.Code, back.Code);
        Assert.Equal(code.Positions, back.Positions);
        Assert.Equal(code.Consts.Count, back.Consts.Count);
    }

    [Fact]
    public void Constants_keep_their_types_and_values()
    {
        string source = "def f(a, b=2, *c, d, **e):\n    '''doc'''\n    nonlocal_x = lambda: a\n    return (1, 2.5, -0.0, 3j, b'\\x00\\xff', 'caf\\u00e9', '\\ud800', '\\U0001f600', ..., None, True, False, 1000000000000000000000000000000, (1, ('x',)))\n";
        CompiledCode module = Compile(source);
        CompiledCode back = Read(Write(module));
        CompiledCode f = (CompiledCode)back.Consts.OfType<CompiledCode>().Single();
        CompiledCode original = module.Consts.OfType<CompiledCode>().Single();
        Assert.Equal(original.Consts.Count, f.Consts.Count);
        for (int i = 0; i < f.Consts.Count; i++)
        {
            AssertSameConst(original.Consts[i], f.Consts[i]);
        }

        Assert.Equal(original.Docstring, f.Docstring);
        Assert.Equal(original.VarNames, f.VarNames);
        Assert.Equal(original.CellVars, f.CellVars);
        Assert.Equal(original.CellParams, f.CellParams);
        Assert.Equal((original.ArgCount, original.KwOnlyArgCount, original.Flags, original.StackSize), (f.ArgCount, f.KwOnlyArgCount, f.Flags, f.StackSize));
        // The returned tuple is all constants, so it is folded into one constant tuple.
        List<object?> all = Flatten(f.Consts);
        Assert.Contains(all, c => c is BigInteger bi && bi == BigInteger.Pow(10, 30));
        Assert.Contains(all, c => c is Imaginary);
        Assert.Contains(all, c => c is string str && str == "\ud800");
        Assert.Contains(all, c => c is double d && System.BitConverter.DoubleToInt64Bits(d) == System.BitConverter.DoubleToInt64Bits(-0.0));
    }

    private static void AssertSameConst(object? a, object? b)
    {
        Assert.Equal(a?.GetType(), b?.GetType());
        switch (a)
        {
            case double d:
                Assert.Equal(System.BitConverter.DoubleToInt64Bits(d), System.BitConverter.DoubleToInt64Bits((double)b!));
                break;
            case ConstTuple t:
                Assert.Equal(t.Items.Length, ((ConstTuple)b!).Items.Length);
                for (int i = 0; i < t.Items.Length; i++)
                {
                    AssertSameConst(t.Items[i], ((ConstTuple)b!).Items[i]);
                }

                break;
            case CompiledCode:
                break;
            case byte[] bytes:
                Assert.Equal(bytes, (byte[])b!);
                break;
            default:
                Assert.Equal(a, b);
                break;
        }
    }

    private static List<object?> Flatten(IEnumerable<object?> consts)
    {
        var all = new List<object?>();
        foreach (object? c in consts)
        {
            all.Add(c);
            if (c is ConstTuple t)
            {
                all.AddRange(Flatten(t.Items));
            }
        }

        return all;
    }

    [Fact]
    public void Truncated_input_is_rejected()
    {
        byte[] data = Write(Compile("x = 1\ndef g():\n    return x\n"));
        Assert.ThrowsAny<System.Exception>(() => Read(data[..(data.Length / 2)]));
    }
}
