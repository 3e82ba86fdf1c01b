using System.Diagnostics.CodeAnalysis;

// The namespace name is the project's layout (Refheap.Python.Lib, for Python's Lib/ algorithms); "Lib" is a
// Visual Basic keyword only.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Mirrors Python's Lib/", Scope = "namespace", Target = "~N:Refheap.Python.Lib")]
