using BenchmarkDotNet.Running;

namespace Refheap.Benchmarks;

/// <summary>
/// BenchmarkDotNet micro benchmarks of Refheap against glibc and mimalloc. Arguments go to
/// BenchmarkDotNet: <c>--filter '*'</c> runs everything, <c>--list flat</c> lists the cases.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        BenchmarkSwitcher
            .FromAssembly(typeof(Program).Assembly)
            .Run(args, ShortJobConfig.Create(ShortJobConfig.ProbeMimalloc()));
    }
}
