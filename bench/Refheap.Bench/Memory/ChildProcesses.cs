using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Reflection;
using Refheap.Bench.Cli;
using Refheap.Memory;

namespace Refheap.Bench.Memory;

/// <summary>
/// Runs a memory scenario for one profile in a fresh copy of this program, so that no
/// profile inherits another's RSS history. The child writes its JSON line to the same
/// stdout, and its stderr to the same stderr.
/// </summary>
public static class ChildProcesses
{
    public static int RunScenario(string scenario, AllocatorProfile profile, long n)
    {
        var start = new ProcessStartInfo { UseShellExecute = false };
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
        start.FileName = host;
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Started as `dotnet Refheap.Bench.dll`: the host needs the assembly again.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()?.Location
                ?? throw new InvalidOperationException("The entry assembly has no path."));
        }

        start.ArgumentList.Add(scenario);
        start.ArgumentList.Add("--profile");
        start.ArgumentList.Add(ProfileNames.Name(profile));
        start.ArgumentList.Add("--n");
        start.ArgumentList.Add(n.ToString(CultureInfo.InvariantCulture));

        Console.Out.Flush();
        try
        {
            using Process child = Process.Start(start)
                ?? throw new InvalidOperationException($"Could not start {host}.");
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                Console.Error.WriteLine($"{scenario} --profile {ProfileNames.Name(profile)}: child process exited with {child.ExitCode}");
            }

            return child.ExitCode;
        }
        catch (Win32Exception e)
        {
            Console.Error.WriteLine($"cannot start {host}: {e.Message}");
            return 1;
        }
    }
}
