using System;
using System.Collections.Generic;
using System.Diagnostics;
using Refheap.Runtime;
using Refheap.Runtime.Gc;

namespace Refheap.Bench.Runtime;

/// <summary>Times every collection through the runtime's gc callbacks, as gc_cost.py does with gc.callbacks.</summary>
public sealed class PauseRecorder : IDisposable
{
    private readonly PyRuntime _rt;
    private readonly Action<string, GcCallbackInfo> _callback;
    private long _started;

    public PauseRecorder(PyRuntime rt)
    {
        _rt = rt;
        _callback = OnPhase;
        rt.GcCallbacks.Add(_callback);
    }

    /// <summary>Pause durations in microseconds, per generation.</summary>
    public List<double>[] Pauses { get; } = [new(), new(), new()];

    public double TotalMilliseconds { get; private set; }

    public void Clear()
    {
        foreach (List<double> p in Pauses)
        {
            p.Clear();
        }

        TotalMilliseconds = 0;
    }

    public void Dispose() => _rt.GcCallbacks.Remove(_callback);

    private void OnPhase(string phase, GcCallbackInfo info)
    {
        if (phase == "start")
        {
            _started = Stopwatch.GetTimestamp();
            return;
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(_started);
        Pauses[info.Generation].Add(elapsed.TotalMicroseconds);
        TotalMilliseconds += elapsed.TotalMilliseconds;
    }

    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = new List<double>(values);
        sorted.Sort();
        int index = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
