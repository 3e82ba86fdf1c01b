using System;
using System.IO;
using Refheap.Memory;
using Refheap.Python.Hosting;
using Xunit;

namespace Refheap.Python.Tests.Vm;

/// <summary>
/// The type attribute cache (PyRuntime.TypeCache.cs) must never answer from before a class
/// changed: each script looks an attribute up (filling the cache), changes a class in one of
/// the ways Python allows, and looks again.
/// </summary>
public sealed class TypeCacheTests
{
    private static string Run(string source)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int status = PythonEngine.RunCommand(source, new RunOptions
        {
            Profile = AllocatorProfile.Refheap,
            Argv = ["-c"],
            Stdout = stdout,
            Stderr = stderr,
        });
        Assert.True(status == 0, $"exit status {status}: {stderr}");
        return stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [Fact]
    public void ClassAttributeAssignedAfterLookup()
    {
        const string src = """
            class C:
                def m(self): return 1
            o = C()
            print(o.m(), o.m())
            C.m = lambda self: 2
            print(o.m())
            setattr(C, 'm', lambda self: 3)
            print(o.m(), getattr(o, 'm')())
            """;
        Assert.Equal("1 1\n2\n3 3\n", Run(src));
    }

    [Fact]
    public void BaseClassChangedAfterSubclassLookup()
    {
        const string src = """
            class A:
                x = 'a'
            class B(A):
                pass
            b = B()
            print(b.x, B.x)
            A.x = 'a2'
            print(b.x, B.x)
            B.x = 'b'
            print(b.x)
            del B.x
            print(b.x)
            del A.x
            print(hasattr(b, 'x'))
            """;
        Assert.Equal("a a\na2 a2\nb\na2\nFalse\n", Run(src));
    }

    [Fact]
    public void AbsentNameAddedLater()
    {
        const string src = """
            class C:
                pass
            o = C()
            o.__dict__['v'] = 'instance'
            print(hasattr(C, 'v'), o.v)
            C.v = property(lambda self: 'property')
            print(o.v)
            """;
        Assert.Equal("False instance\nproperty\n", Run(src));
    }

    [Fact]
    public void InitReplacedAfterInstantiation()
    {
        const string src = """
            class C:
                def __init__(self): self.v = 1
            print(C().v)
            def init2(self): self.v = 2
            C.__init__ = init2
            print(C().v)
            """;
        Assert.Equal("1\n2\n", Run(src));
    }

    [Fact]
    public void MetaclassSetattr()
    {
        const string src = """
            class Meta(type):
                def __setattr__(cls, name, value):
                    super().__setattr__(name, value * 10)
            class C(metaclass=Meta):
                k = 1
            o = C()
            print(o.k, C.k)
            C.k = 2
            print(o.k, C.k)
            type.__setattr__(C, 'k', 3)
            print(o.k)
            """;
        Assert.Equal("1 1\n20 20\n3\n", Run(src));
    }

    [Fact]
    public void SpecialMethodAddedAfterUse()
    {
        const string src = """
            class C:
                pass
            o = C()
            print(hasattr(o, '__len__'), o.__repr__().startswith('<'))
            C.__repr__ = lambda self: 'C!'
            C.__len__ = lambda self: 7
            print(repr(o), len(o), hasattr(o, '__len__'))
            """;
        Assert.Equal("False True\nC! 7 True\n", Run(src));
    }

    [Fact]
    public void AbstractMethodsSetAfterInstantiation()
    {
        const string src = """
            class C:
                pass
            C()
            C.__abstractmethods__ = frozenset({'f'})
            try:
                C()
            except TypeError as e:
                print(e)
            """;
        Assert.Equal("Can't instantiate abstract class C with abstract method f\n", Run(src));
    }
}
