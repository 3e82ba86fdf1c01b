using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Refheap.Memory;
using Refheap.Python.Modules;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;
using Xunit;

namespace Refheap.Python.Tests.Vm;

/// <summary>
/// StdTextPending (what sys.stdout's TextIOWrapper holds between writes) against a model of
/// 3.11's textiowrapper_write rules: seeded sequences of writes (short and long, ASCII and not,
/// with and without line ends) and flushes, under each buffering mode; after every step the
/// pending size is the model's, each written ASCII str has one more reference exactly while
/// the model says it is pending, and the invariants hold.
/// </summary>
public sealed unsafe class StdTextPendingTests
{
    [Theory]
    [InlineData(1, false, false)]
    [InlineData(2, false, false)]
    [InlineData(3, true, false)]
    [InlineData(4, false, true)]
    [InlineData(5, true, true)]
    public void RandomWritesMatchTheModel(int seed, bool lineBuffering, bool writeThrough)
    {
        using var rt = new PyRuntime(new RuntimeOptions { Profile = AllocatorProfile.CPython311 });
        long blocksBefore;
        using (var interp = new Interpreter(rt, TextWriter.Null, TextWriter.Null, ["-c"], Directory.GetCurrentDirectory()))
        {
            blocksBefore = rt.Allocator.GetAllocatedBlocks();
            int listsFreeBefore = rt.ListFreeCount;
            var pending = new StdTextPending(lineBuffering, writeThrough, "strict");
            var random = new Random(seed);
            var held = new List<nint>();       // every str written, alive for the whole test
            var modelPending = new HashSet<nint>();
            long modelCount = 0;
            for (int step = 0; step < 3000; step++)
            {
                if (random.Next(20) == 0)
                {
                    pending.Flush(rt);
                    modelPending.Clear();
                    modelCount = 0;
                }
                else
                {
                    string text = RandomText(random);
                    PyObject* s = rt.NewStr(text);
                    held.Add((nint)s);
                    Assert.True(pending.Write(rt, s, text));

                    bool ascii = Ascii.IsValid(text) && text.Length <= StdTextPending.ChunkSize;
                    long length = ascii ? text.Length : Encoding.UTF8.GetByteCount(text);
                    bool flushAfter = writeThrough || (lineBuffering && text.AsSpan().IndexOfAny('\n', '\r') >= 0);
                    if (modelCount + length > StdTextPending.ChunkSize)
                    {
                        modelPending.Clear();
                        modelCount = 0;
                    }

                    if (ascii)
                    {
                        modelPending.Add((nint)s);
                    }

                    modelCount += length;
                    if (modelCount >= StdTextPending.ChunkSize || flushAfter)
                    {
                        modelPending.Clear();
                        modelCount = 0;
                    }
                }

                Assert.Equal(modelCount, pending.PendingBytes);
                pending.AssertValid(rt);
                if (step % 100 == 0 || step > 2900)
                {
                    foreach (nint o in held)
                    {
                        // One reference held here, one more while pending. (One-character and
                        // empty strs are shared singletons: skipped.)
                        if (PyRuntime.StrLength((PyObject*)o) > 1)
                        {
                            Assert.Equal(modelPending.Contains(o) ? 2 : 1, ((PyObject*)o)->RefCount);
                        }
                    }
                }
            }

            pending.Flush(rt);
            Assert.Equal(0, pending.PendingBytes);
            foreach (nint o in held)
            {
                rt.DecRef((PyObject*)o);
            }

            // Everything let go; the pending lists went to the list free list (their blocks stay).
            Assert.Equal(blocksBefore + (rt.ListFreeCount - listsFreeBefore), rt.Allocator.GetAllocatedBlocks());
        }
    }

    [Fact]
    public void LoneSurrogatesFailUnderStrictAndAreEscapedUnderBackslashreplace()
    {
        using var rt = new PyRuntime(new RuntimeOptions { Profile = AllocatorProfile.CPython311 });
        using var interp = new Interpreter(rt, TextWriter.Null, TextWriter.Null, ["-c"], Directory.GetCurrentDirectory());
        PyObject* s = rt.NewStr("a\udc80");
        var strict = new StdTextPending(lineBuffering: false, writeThrough: false, "strict");
        Assert.False(strict.Write(rt, s, "a\udc80"));
        Assert.True(rt.ErrorOccurred);
        rt.ClearError();
        Assert.Equal(0, strict.PendingBytes);

        var escaping = new StdTextPending(lineBuffering: true, writeThrough: false, "backslashreplace");
        Assert.True(escaping.Write(rt, s, "a\udc80"));
        Assert.Equal("a\\udc80".Length, escaping.PendingBytes);
        escaping.AssertValid(rt);
        escaping.Flush(rt);
        rt.DecRef(s);
    }

    private static string RandomText(Random random)
    {
        int kind = random.Next(10);
        int length = kind switch
        {
            0 => random.Next(0, 3),
            1 => random.Next(3000, 9500),
            _ => random.Next(2, 60),
        };

        var sb = new StringBuilder(length);
        bool wide = random.Next(5) == 0;
        for (int i = 0; i < length; i++)
        {
            int r = random.Next(100);
            sb.Append(r switch
            {
                0 => '\n',
                1 => '\r',
                2 when wide => 'é',
                3 when wide => '€',
                _ => (char)('a' + random.Next(26)),
            });
        }

        return sb.ToString();
    }
}
