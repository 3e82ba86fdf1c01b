using System;
using System.Diagnostics;
using System.IO;
using Refheap.Bench.Cli;
using Refheap.Memory;
using Refheap.Memory.Platform;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Bench.Runtime;

/// <summary>
/// The collector's scenarios, modelled on /work/shared/baselines/gc_cost.py and
/// alloc_throughput.py so that the figures compare with CPython's. Objects are built
/// through the runtime API (no interpreter yet), so interpreter overheads are absent.
/// </summary>
public static unsafe class RuntimeScenarios
{
    public static int Run(RuntimeScenarioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (AllocatorProfile profile in options.Profiles)
        {
            // A small run on a throwaway runtime first, so that the measured run does not
            // pay for JIT compilation (the first profile would otherwise pay it alone).
            TextWriter stdout = Console.Out;
            Console.SetOut(TextWriter.Null);
            try
            {
                RunOnce(options, profile, warmUp: true);
            }
            finally
            {
                Console.SetOut(stdout);
            }

            RunOnce(options, profile, warmUp: false);
        }

        return 0;
    }

    private static void RunOnce(RuntimeScenarioOptions options, AllocatorProfile profile, bool warmUp)
    {
        const long WarmUpN = 20_000;
        using var rt = new PyRuntime(new RuntimeOptions { Profile = profile });
        string name = ProfileNames.Name(profile);
        long n = warmUp ? Math.Min(options.N, WarmUpN) : options.N;
        switch (options.Scenario)
        {
            case "gc-full":
                GcFull(rt, name, options.Shape, n);
                break;
            case "gc-cycles":
                GcCycles(rt, name, n);
                break;
            case "gc-pauses":
                GcPauses(rt, name, warmUp ? Math.Min(options.LongLived, WarmUpN) : options.LongLived, warmUp ? Math.Min(options.Churn, WarmUpN) : options.Churn);
                break;
            default:
                Build(rt, name, options.Kind, n);
                break;
        }
    }

    /// <summary>gc_cost.py live: a full collection with N live items held in one list.</summary>
    private static void GcFull(PyRuntime rt, string profile, string shape, long n)
    {
        using var make = new ObjectFactory(rt);
        rt.Collect();
        rt.GcEnabled = false;
        PyObject* hold = rt.NewList(0);
        if (shape == "scattered")
        {
            BuildScattered(rt, make, hold, n);
        }
        else
        {
            for (long i = 0; i < n; i++)
            {
                PyObject* v = make.Number(i);
                PyObject* item = shape switch
                {
                    "instances" => make.Instance(v, v),
                    "atomic-dicts" => make.Dict(v, v),
                    _ => DictWithList(rt, make, v),
                };
                make.Append(hold, item);
                rt.DecRef(item);
                rt.DecRef(v);
            }
        }

        rt.Collect();
        var times = new double[3];
        for (int r = 0; r < times.Length; r++)
        {
            long t0 = Stopwatch.GetTimestamp();
            rt.Collect();
            times[r] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }

        Array.Sort(times);
        rt.GcEnabled = true;
        new JsonLine()
            .Add("scenario", "gc-full")
            .Add("profile", profile)
            .Add("shape", shape)
            .Add("n", n)
            .Add("ms", times[1], 2)
            .Add("ns_per_object", times[1] * 1e6 / n, 2)
            .WriteLine();
        rt.DecRef(hold);
    }

    private static PyObject* DictWithList(PyRuntime rt, ObjectFactory make, PyObject* v)
    {
        PyObject* l = rt.NewList(0);
        PyObject* d = make.Dict(v, l);
        rt.DecRef(l);
        return d;
    }

    /// <summary>
    /// A long-running server's heap: N live instances interleaved in memory with 3N that
    /// died, and held in a shuffled order, so a collection touches memory at random.
    /// </summary>
    private static void BuildScattered(PyRuntime rt, ObjectFactory make, PyObject* hold, long n)
    {
        var rng = new Random(42);
        var live = new nint[n];
        var dead = new nint[3 * n];
        long kept = 0, died = 0;
        while (kept < n)
        {
            PyObject* o = make.InstanceOfInts(kept + died);
            if (died < 3 * n && rng.Next(4) != 0)
            {
                dead[died++] = (nint)o;
            }
            else
            {
                live[kept++] = (nint)o;
            }
        }

        rng.Shuffle(dead.AsSpan(0, (int)died));
        for (long i = 0; i < died; i++)
        {
            rt.DecRef((PyObject*)dead[i]);
        }

        rng.Shuffle(live);
        foreach (nint o in live)
        {
            make.Append(hold, (PyObject*)o);
            rt.DecRef((PyObject*)o);
        }
    }

    /// <summary>gc_cost.py cycles: N unreachable Task &lt;-&gt; Subtask cycles, then one collection.</summary>
    private static void GcCycles(PyRuntime rt, string profile, long n)
    {
        using var make = new ObjectFactory(rt);
        PyTypeObject* task = rt.NewClass("Task");
        PyTypeObject* subtask = rt.NewClass("Subtask");
        rt.Collect();
        rt.GcEnabled = false;
        PyObject* hold = rt.NewList(0);
        for (long i = 0; i < n; i++)
        {
            PyObject* t = rt.NewInstance(task);
            PyObject* subtasks = rt.NewList(0);
            PyObject* s = rt.NewInstance(subtask);
            rt.SetAttribute(s, "task", t);
            make.Append(subtasks, s);
            rt.SetAttribute(t, "subtasks", subtasks);
            make.Append(hold, t);
            rt.DecRef(s);
            rt.DecRef(subtasks);
            rt.DecRef(t);
        }

        rt.Collect();
        rt.DecRef(hold);
        long t0 = Stopwatch.GetTimestamp();
        long collected = rt.Collect();
        double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        rt.GcEnabled = true;
        new JsonLine()
            .Add("scenario", "gc-cycles")
            .Add("profile", profile)
            .Add("n", n)
            .Add("ms", ms, 2)
            .Add("collected", collected)
            .WriteLine();
        rt.DecRef((PyObject*)task);
        rt.DecRef((PyObject*)subtask);
    }

    /// <summary>gc_cost.py pauses: L long-lived instances, then churn with a 1000-slot ring and 1 in 4 kept.</summary>
    private static void GcPauses(PyRuntime rt, string profile, long longLived, long churn)
    {
        using var make = new ObjectFactory(rt);
        using var recorder = new PauseRecorder(rt);
        long t0 = Stopwatch.GetTimestamp();
        PyObject* keep = rt.NewList(0);
        for (long i = 0; i < longLived; i++)
        {
            PyObject* o = make.InstanceOfInts(i);
            make.Append(keep, o);
            rt.DecRef(o);
        }

        ReportPauses(profile, "build", recorder, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        recorder.Clear();

        PyObject* ring = rt.NewList(1000);
        for (int i = 0; i < 1000; i++)
        {
            PyRuntime.ListItems(ring)[i] = PyRuntime.NewRef(rt.None);
        }

        PyObject* retained = rt.NewList(0);
        t0 = Stopwatch.GetTimestamp();
        for (long i = 0; i < churn; i++)
        {
            PyObject* v = make.Number(i);
            PyObject* o = (i % 3) switch
            {
                0 => make.Tuple(v, v),
                1 => make.List(v),
                _ => make.Instance(v, rt.None),
            };
            rt.DecRef(v);
            PyObject** slot = PyRuntime.ListItems(ring) + (i % 1000);
            PyObject* old = *slot;
            *slot = o;
            if (i % 4 == 0)
            {
                make.Append(retained, o);
            }

            rt.DecRef(old);
        }

        ReportPauses(profile, "churn", recorder, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        rt.DecRef(keep);
        rt.DecRef(ring);
        rt.DecRef(retained);
    }

    private static void ReportPauses(string profile, string phase, PauseRecorder recorder, double wallMs)
    {
        for (int g = 0; g < 3; g++)
        {
            var p = recorder.Pauses[g];
            new JsonLine()
                .Add("scenario", "gc-pauses")
                .Add("profile", profile)
                .Add("phase", phase)
                .Add("generation", g)
                .Add("count", p.Count)
                .Add("p50_us", PauseRecorder.Percentile(p, 50), 1)
                .Add("p99_us", PauseRecorder.Percentile(p, 99), 1)
                .Add("max_us", PauseRecorder.Percentile(p, 100), 1)
                .WriteLine();
        }

        new JsonLine()
            .Add("scenario", "gc-pauses")
            .Add("profile", profile)
            .Add("phase", phase)
            .Add("wall_ms", wallMs, 1)
            .Add("gc_share", recorder.TotalMilliseconds / wallMs, 3)
            .Add("peak_rss_mib", OsMemory.PeakResidentSetBytes() / (1024.0 * 1024.0), 1)
            .WriteLine();
    }

    /// <summary>alloc_throughput.py build: a list of N objects built with the collector on.</summary>
    private static void Build(PyRuntime rt, string profile, string kind, long n)
    {
        using var make = new ObjectFactory(rt);
        using var recorder = new PauseRecorder(rt);
        rt.Collect();
        var before = rt.GetStats();
        long t0 = Stopwatch.GetTimestamp();
        PyObject* hold = rt.NewList(0);
        for (long i = 0; i < n; i++)
        {
            PyObject* v = make.Number(i);
            PyObject* o = kind switch
            {
                "instances" => make.Instance(v, v),
                "tuples" => make.Tuple(v, v),
                "lists" => make.List(v, v, v),
                _ => make.Dict(v, v),
            };
            make.Append(hold, o);
            rt.DecRef(o);
            rt.DecRef(v);
        }

        double wall = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        var after = rt.GetStats();
        new JsonLine()
            .Add("scenario", "build")
            .Add("profile", profile)
            .Add("kind", kind)
            .Add("n", n)
            .Add("ns_per_object", wall * 1e6 / n, 1)
            .Add("gc_share", recorder.TotalMilliseconds / wall, 3)
            .Add("collections", new[] { after[0].Collections - before[0].Collections, after[1].Collections - before[1].Collections, after[2].Collections - before[2].Collections })
            .WriteLine();
        rt.DecRef(hold);
    }
}
