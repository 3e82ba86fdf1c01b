using Xunit;

namespace Refheap.Python.Tests.Vm;

/// <summary>
/// The eval loop's operand fast paths (Interpreter.EvalFastPaths.cs) and inlined
/// Python-to-Python calls must answer exactly what the general paths do: one-digit ints that
/// overflow into big ints, int/float mixing, zero divisors, NaN comparisons, exceptions and
/// recursion limits through inlined calls, generators calling functions.
/// </summary>
public sealed class EvalFastPathTests
{
    private static string Run(string source) => ScriptRunner.Run(source);

    [Fact]
    public void OneDigitIntsOverflowIntoBigInts()
    {
        const string src = """
            a = 2**30 - 1
            print(a + a, a * a, -a - a, a * -a, (-a) * (-a))
            print(7 // 2, -7 // 2, 7 // -2, -7 % 3, 7 % -3, -5 & 3, -5 | 3, -5 ^ 3)
            x = 5
            x += 2**30 - 1
            print(x, type(x * x).__name__)
            """;
        Assert.Equal("2147483646 1152921502459363329 -2147483646 -1152921502459363329 1152921502459363329\n3 -4 -4 2 -2 3 -5 -8\n1073741828 int\n", Run(src));
    }

    [Fact]
    public void ZeroDivisorsAndMixedOperands()
    {
        const string src = """
            for a, b in ((1, 0), (1.0, 0.0), (1, 0.0), (1.0, 0)):
                for op in (lambda: a / b, lambda: a // b, lambda: a % b):
                    try:
                        op()
                    except ZeroDivisionError as e:
                        print(e)
            print(3 * 1.5, 1.5 * 3, 2 - 0.5, 0.5 - 2, 7 / 2, True + 1.5, 2**40 * 1.5)
            """;
        Assert.Equal(
            "division by zero\ninteger division or modulo by zero\ninteger modulo by zero\n"
            + "float division by zero\nfloat floor division by zero\nfloat modulo\n"
            + "float division by zero\nfloat floor division by zero\nfloat modulo\n"
            + "float division by zero\nfloat floor division by zero\nfloat modulo\n"
            + "4.5 4.5 1.5 -1.5 3.5 2.5 1649267441664.0\n",
            Run(src));
    }

    [Fact]
    public void FloatComparisonsBeforeJumpsHandleNaN()
    {
        const string src = """
            n = float('nan')
            r = []
            for a, b in ((n, n), (1.0, n), (1.0, 2.0), (2.0, 2.0)):
                if a < b: r.append('lt')
                if a <= b: r.append('le')
                if a == b: r.append('eq')
                if a != b: r.append('ne')
                if a > b: r.append('gt')
                if a >= b: r.append('ge')
                r.append('|')
            print(' '.join(r))
            """;
        Assert.Equal("ne | ne | lt le ne | le eq ge |\n", Run(src));
    }

    [Fact]
    public void ForIterOverRangeAndMutatedList()
    {
        const string src = """
            print([i for i in range(-3, 10, 4)], list(range(2**62, 2**62 + 2)))
            l = [1, 2, 3]
            for i in l:
                if len(l) < 6:
                    l.append(i * 10)
            print(l)
            it = iter([1])
            print(next(it), list(it), list(it))
            """;
        Assert.Equal("[-3, 1, 5, 9] [4611686018427387904, 4611686018427387905]\n[1, 2, 3, 10, 20, 30]\n1 [] []\n", Run(src));
    }

    [Fact]
    public void ExceptionsUnwindThroughInlinedCalls()
    {
        const string src = """
            import sys
            def boom(n):
                if n == 0:
                    return 1 // 0
                return boom(n - 1) + 1
            def catcher():
                try:
                    return boom(2)
                except ZeroDivisionError as e:
                    tb = e.__traceback__
                    names = []
                    while tb:
                        names.append(tb.tb_frame.f_code.co_name + ':' + str(tb.tb_lineno))
                        tb = tb.tb_next
                    return names
            print(catcher())
            def kept():
                try:
                    inner()
                except ValueError as e:
                    return e
            def inner():
                local = [1, 2]
                raise ValueError('v')
            print(kept().__traceback__.tb_next.tb_frame.f_locals)
            def getf():
                return sys._getframe(1).f_code.co_name
            def caller():
                return getf()
            print(caller())
            """;
        Assert.Equal("['catcher:8', 'boom:5', 'boom:5', 'boom:4']\n{'local': [1, 2]}\ncaller\n", Run(src));
    }

    [Fact]
    public void RecursionLimitCountsInlinedCalls()
    {
        const string src = """
            import sys
            sys.setrecursionlimit(60)
            def depth(n):
                try:
                    return depth(n + 1)
                except RecursionError as e:
                    return n, str(e)
            print(depth(0))
            sys.setrecursionlimit(100000)
            def deep(n):
                return 0 if n == 0 else deep(n - 1) + 1
            print(deep(50000))
            """;
        Assert.Equal("(57, 'maximum recursion depth exceeded while getting the str of an object')\n50000\n", Run(src));
    }

    [Fact]
    public void GeneratorsAndDestructorsAroundInlinedCalls()
    {
        const string src = """
            class D:
                def __init__(self, n): self.n = n
                def __del__(self): print('del', self.n)
            def mk(n):
                d = D(n)
                return n
            def outer():
                x = D('outer')
                return mk(1) + mk(2)
            print(outer())
            def helper(i):
                return i * 2
            def gen(n):
                for i in range(n):
                    yield helper(i)
            print(list(gen(4)))
            """;
        Assert.Equal("del 1\ndel 2\ndel outer\n3\n[0, 2, 4, 6]\n", Run(src));
    }

    [Fact]
    public void SubscriptsAndIntComparisons()
    {
        const string src = """
            l = [10, 20, 30]
            t = (1, 2)
            print(l[0], l[-1], l[-3], t[1], t[-2], l[True])
            for bad in (3, -4, 2**40):
                try:
                    print(l[bad])
                except IndexError as e:
                    print(e)
            class L(list):
                def __getitem__(self, i): return 'sub'
            print(L([1, 2])[1])
            print(1 < 2, 2 <= 1, 3 == 3, 3 != 3, -1 > -2, 5 >= 6, 2**30 < 2**31)
            """;
        Assert.Equal(
            "10 30 10 2 1 20\nlist index out of range\nlist index out of range\n"
            + "list index out of range\nsub\nTrue False True False True False True\n",
            Run(src));
    }
    [Fact]
    public void InlinedCallsFillPositionalDefaults()
    {
        const string src = """
            import sys
            sentinel = object()
            def f(a, b=sentinel, c=[]):
                return a, b is sentinel, len(c), sys.getrefcount(b)
            base = sys.getrefcount(sentinel)
            print(f(1), f(1, 2)[:3], f(1, 2, [3])[:3])
            print(sys.getrefcount(sentinel) - base)
            def g(a, b=2):
                return a + b
            g.__defaults__ = (10, 20)
            print(g(1), g(1, 1), g())
            g.__defaults__ = None
            try:
                g(1)
            except TypeError as e:
                print(e)
            def h(x, k=[]):
                k.append(x)
                return len(k)
            print([h(i) for i in range(3)], h.__defaults__)
            """;
        Assert.Equal(
            "(1, True, 0, 4) (1, False, 0) (1, False, 1)\n0\n21 2 30\n"
            + "g() missing 1 required positional argument: 'b'\n[1, 2, 3] ([0, 1, 2],)\n",
            Run(src));
    }
    [Fact]
    public void SlotMembersAndInitCallsTakeTheirShortPaths()
    {
        // __slots__ members of the instance's own class are read and written inline; a
        // class's Python __init__ with positional arguments takes the simple frame path.
        const string src = """
            import sys
            class P:
                __slots__ = ('a', 'b')
                def __init__(self, a, b=None):
                    self.a = a
                    if b is not None:
                        self.b = b
            class Q(P):
                __slots__ = ('c',)
            p = P(1)
            try:
                p.b
            except AttributeError as e:
                print(e)
            x = object()
            base = sys.getrefcount(x)
            p.b = x
            p.b = x
            print(sys.getrefcount(x) - base, p.b is x)
            del p.b
            print(sys.getrefcount(x) - base)
            q = Q(2, 3)
            q.c = 4
            print(q.a, q.b, q.c)
            class D:
                def __del__(self):
                    print('del D')
            p.a = D()
            p.a = 5
            print('after', p.a)
            class G:
                def __init__(self):
                    yield 1
            try:
                G()
            except TypeError as e:
                print(e)
            class V:
                def __init__(self, *args, k=0):
                    self.n = len(args) + k
            print(V(1, 2, 3).n, V(k=5).n, P(1, 2).b)
            try:
                P()
            except TypeError as e:
                print(e)
            """;
        Assert.Equal(
            "'P' object has no attribute 'b'\n"
            + "1 True\n"
            + "0\n"
            + "2 3 4\n"
            + "del D\n"
            + "after 5\n"
            + "__init__() should return None, not 'generator'\n"
            + "3 5 2\n"
            + "P.__init__() missing 1 required positional argument: 'a'\n",
            Run(src));
    }
}
