using System.Diagnostics.CodeAnalysis;

// The tree mirrors Python's `ast` module: its class names (If, For, While, Try, With, Return,
// Global, Continue, Call, Module, Alias, Operator) are the contract with the compiler, even where
// they are keywords in another .NET language.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Scope = "namespaceanddescendants", Target = "~N:Refheap.Python.Syntax",
    Justification = "Names mirror Python's ast module.")]

// PythonSyntaxError and PythonRecursionError are named after the Python exceptions they become.
[assembly: SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix",
    Scope = "type", Target = "~T:Refheap.Python.Syntax.PythonSyntaxError",
    Justification = "Named after Python's SyntaxError.")]
[assembly: SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix",
    Scope = "type", Target = "~T:Refheap.Python.Syntax.PythonRecursionError",
    Justification = "Named after Python's RecursionError.")]
