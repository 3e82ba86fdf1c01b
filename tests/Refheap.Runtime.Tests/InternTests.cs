using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Runtime.Tests;

public unsafe class InternTests
{
    /// <summary>sys.getrefcount(x) from inside the call: the count plus the argument's reference.</summary>
    private static long GetRefCount(PyObject* o) => o->RefCount + 1;

    [Fact]
    public void Interning_keeps_the_refcount_CPython_shows_and_marks_the_string_mortal()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;

        // CPython 3.11, measured:
        //   s = ''.join(['hello', '_world'])   getrefcount(s) == 2
        //   t = sys.intern(s)                  t is s; getrefcount(s) == 3
        //   u = ''.join(['hello', '_world'])   u is not s; getrefcount(u) == 2
        //   v = sys.intern(u)                  v is s; getrefcount(s) == 4, getrefcount(u) == 2
        //   del t, v                           getrefcount(s) == 2
        PyObject* s = rt.NewStr("hello_world");
        Assert.Equal(2, GetRefCount(s));
        Assert.False(PyRuntime.IsInterned(s));
        PyObject* tt = rt.InternString(s);
        Assert.True(tt == s);
        Assert.Equal(3, GetRefCount(s));
        Assert.Equal(PyRuntime.InternStateMortal, PyRuntime.InternState(s));
        Assert.Equal(1, rt.InternedCount);

        PyObject* u = rt.NewStr("hello_world");
        Assert.False(u == s);
        Assert.Equal(2, GetRefCount(u));
        PyObject* v = rt.InternString(u);
        Assert.True(v == s);
        Assert.Equal(4, GetRefCount(s));
        Assert.Equal(2, GetRefCount(u));
        Assert.False(PyRuntime.IsInterned(u));

        rt.DecRef(tt);
        rt.DecRef(v);
        Assert.Equal(2, GetRefCount(s));
        rt.DecRef(u);
        rt.DecRef(s);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Intern_in_place_replaces_the_reference_with_the_interned_equal_string()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* first = rt.InternFromString("name");
        long blocks = rt.Allocator.GetAllocatedBlocks();
        PyObject* p = rt.NewStr("name");
        Assert.Equal(blocks + 1, rt.Allocator.GetAllocatedBlocks());
        rt.Intern(ref p);

        // The duplicate was released; p now owns a reference to the interned one.
        Assert.True(p == first);
        Assert.Equal(2, first->RefCount);
        Assert.Equal(blocks, rt.Allocator.GetAllocatedBlocks());

        // Interning an interned string changes nothing.
        rt.Intern(ref p);
        Assert.Equal(2, first->RefCount);
        rt.DecRef(p);
        rt.DecRef(first);
        t.AssertNoLeaks();
    }

    [Fact]
    public void A_dying_interned_string_leaves_the_table()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        long blocks = rt.Allocator.GetAllocatedBlocks();
        PyObject* s = rt.InternFromString("transient");
        Assert.Equal(1, s->RefCount);
        Assert.Equal(1, rt.InternedCount);
        rt.DecRef(s);
        Assert.Equal(0, rt.InternedCount);
        Assert.Equal(blocks, rt.Allocator.GetAllocatedBlocks());

        PyObject* again = rt.NewStr("transient");
        PyObject* interned = again;
        rt.Intern(ref interned);
        Assert.True(interned == again);
        rt.DecRef(interned);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Only_exact_strs_are_interned()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* n = rt.NewInt(1000);
        PyObject* p = n;
        rt.Intern(ref p);
        Assert.True(p == n);
        Assert.Equal(0, rt.InternedCount);
        IntArithmeticTests.AssertError(rt, rt.InternString(n), "TypeError: intern() argument must be str, not int");
        rt.DecRef(n);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Strings_of_different_kinds_never_share_an_entry()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;

        // Two lone surrogates (UCS-2) and the astral character they would pair into (UCS-4).
        PyObject* pair = rt.NewStrFromCodePoints([0xD83D, 0xDE00]);
        PyObject* astral = rt.NewStrFromCodePoints([0x1F600]);
        PyObject* latin = rt.NewStrFromCodePoints([0x3D, 0xD8, 0x00, 0xDE]);
        rt.Intern(ref pair);
        rt.Intern(ref astral);
        rt.Intern(ref latin);
        Assert.Equal(3, rt.InternedCount);
        Assert.True(PyRuntime.IsInterned(pair) && PyRuntime.IsInterned(astral) && PyRuntime.IsInterned(latin));
        rt.DecRef(pair);
        rt.DecRef(astral);
        rt.DecRef(latin);
        Assert.Equal(0, rt.InternedCount);
        t.AssertNoLeaks();
    }

    [Fact]
    public void Interned_singletons_and_survivors_are_released_at_shutdown()
    {
        using var t = new TestRuntime();
        PyRuntime rt = t.Runtime;
        PyObject* a = rt.InternFromString("a");
        PyObject* empty = rt.InternFromString("");
        Assert.True(empty == rt.EmptyStr);
        Assert.True(PyRuntime.IsInterned(a) && PyRuntime.IsInterned(empty));
        Assert.Equal(PyRuntime.ImmortalInitRefCount + 1, empty->RefCount);
        rt.DecRef(a);
        rt.DecRef(empty);
        Assert.Equal(2, rt.InternedCount);
        t.AssertNoLeaks();
    }
}
