using System.Diagnostics.CodeAnalysis;

// The test namespace mirrors src/Refheap.Python/Lib; "Lib" is a Visual Basic keyword only.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Mirrors Python's Lib/", Scope = "namespace", Target = "~N:Refheap.Python.Tests.Lib")]
