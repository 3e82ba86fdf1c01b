using Xunit;

namespace Refheap.Python.Tests.Vm;

/// <summary>
/// The call and attribute caches must never answer from before what they remember changed.
/// The type attribute cache (PyRuntime.TypeCache.cs): each script looks an attribute up
/// (filling the cache), changes a class in one of the ways Python allows, and looks again;
/// likewise LOAD_GLOBAL's cache, and list.sort's direct comparers against '&lt;'.
/// </summary>
public sealed class CacheInvalidationTests
{
    private static string Run(string source) => ScriptRunner.Run(source);

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

    /// <summary>LOAD_GLOBAL's per-name cache (Interpreter.GlobalCache.cs) follows rebinding, shadowing, builtins changes and other globals.</summary>
    [Fact]
    public void GlobalCacheFollowsDictChanges()
    {
        const string src = """
            import builtins
            def f():
                return len, x
            x = 1
            print(f()[1])
            x = 2
            print(f()[1])
            len = 'mine'
            print(f()[0])
            del len
            print(f()[0].__name__)
            orig = builtins.len
            builtins.len = 'patched'
            print(f()[0])
            builtins.len = orig
            print(f()[0].__name__)
            del x
            try:
                f()
            except NameError as e:
                print(e)
            g = {'x': 'other', '__builtins__': builtins}
            code = f.__code__
            print(eval(code, g)[1])
            x = 3
            print(f()[1], eval(code, g)[1])
            globals()['x'] = 4
            print(f()[1])
            """;
        Assert.Equal("1\n2\nmine\nlen\npatched\nlen\nname 'x' is not defined\nother\n3 other\n4\n", Run(src));
    }

    /// <summary>list.sort's direct comparers (Interpreter.SortCompare.cs) give the object protocol's order and errors.</summary>
    [Fact]
    public void SortComparersMatchRichCompare()
    {
        const string src = """
            data = [3, -1, 10**30, -10**30, 2**62, 0, -2**62, 7, 3]
            print(sorted(data), sorted(data, reverse=True))
            s = ['b', 'a', 'ab', '', '\xe9', 'z\u1234', 'z\U0001f600', 'zz', 'Z', 'a\x00']
            print(sorted(s))
            t = [(1, 'b', 2), (1, 'a', 3), (0, 'z'), (1, 'a'), (1,), (), (1, 'a', 2**70), (1, 'a', -1)]
            print(sorted(t), sorted(t, reverse=True)[:2])
            print(sorted([(1, 2.5), (1, 2), (0, 'x')]))
            print(sorted([True, 1, False, 0]), sorted([1.5, 1, 2, 0.5]))
            for bad in ([(1, 'a'), (1, 2)], ['a', 1]):
                try:
                    sorted(bad)
                except TypeError as e:
                    print(e)
            class K:
                def __init__(self, v): self.v = v
                def __lt__(self, o): return self.v < o.v
                def __eq__(self, o): return self.v == o.v
            print([(a, k.v) for a, k in sorted([(1, K(3)), (1, K(2)), (0, K(5))])])
            """;
        Assert.Equal("[-1000000000000000000000000000000, -4611686018427387904, -1, 0, 3, 3, 7, 4611686018427387904, 1000000000000000000000000000000] [1000000000000000000000000000000, 4611686018427387904, 7, 3, 3, 0, -1, -4611686018427387904, -1000000000000000000000000000000]\n['', 'Z', 'a', 'a\\x00', 'ab', 'b', 'zz', 'zሴ', 'z😀', 'é']\n[(), (0, 'z'), (1,), (1, 'a'), (1, 'a', -1), (1, 'a', 3), (1, 'a', 1180591620717411303424), (1, 'b', 2)] [(1, 'b', 2), (1, 'a', 1180591620717411303424)]\n[(0, 'x'), (1, 2), (1, 2.5)]\n[False, 0, True, 1] [0.5, 1, 1.5, 2]\n'<' not supported between instances of 'int' and 'str'\n'<' not supported between instances of 'int' and 'str'\n[(0, 5), (1, 2), (1, 3)]\n", Run(src));
    }
}
