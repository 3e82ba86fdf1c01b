using System.Collections.Generic;

namespace Refheap.Python.Syntax;

/// <summary>Error reporting, after Parser/pegen_errors.c (3.11).</summary>
internal sealed partial class Parser
{
    /// <summary>The error CPython reports when no specific rule matched: at the furthest token
    /// read. A tokenizer error anywhere later in the file takes precedence.</summary>
    private PythonSyntaxError GenericError()
    {
        Token last = _tokens.Count > 0 ? _tokens[^1] : Cur;
        if (last.Kind == TokenKind.EndMarker && last.Level > 0)
        {
            return NeverClosed();
        }
        if (last.Kind is TokenKind.Indent or TokenKind.Dedent)
        {
            // The INDENT/DEDENT token has no column in CPython: the offset is the tokenizer's
            // position, just after the indentation.
            int offset = _src.CharCol(last.StartLineStart, last.End);
            string msg = last.Kind == TokenKind.Indent ? "unexpected indent" : "unexpected unindent";
            return Error("IndentationError", msg, last.Line, offset, last.Line, -1);
        }
        PythonSyntaxError generic = ErrorAt(last, "invalid syntax");
        CheckRestOfSource(last.Line);
        return generic;
    }

    /// <summary>pegen's _PyPegen_tokenize_full_source_to_check_for_errors: tokenizes the rest of
    /// the source so that a tokenizer error replaces a generic syntax error.</summary>
    private void CheckRestOfSource(int errorLine)
    {
        if (_tokenizerFailed)
        {
            return;
        }
        // pegen compares with the line of the furthest token read, not the error's own line.
        if (_tokens.Count > 0)
        {
            errorLine = System.Math.Max(errorLine, _tokens[^1].Line);
        }
        while (true)
        {
            Token t = _tokenizer.Next();
            if (t.Kind == TokenKind.EndMarker)
            {
                if (t.Level > 0 && errorLine > _tokenizer.InnermostBracket.Line)
                {
                    throw NeverClosed();
                }
                return;
            }
        }
    }

    private PythonSyntaxError NeverClosed()
    {
        var open = _tokenizer.InnermostBracket;
        int offset = _src.CharCol(open.LineStart, open.Index) + 1;
        return Error("SyntaxError", $"'{open.Bracket}' was never closed", open.Line, offset, open.Line, 0);
    }

    /// <summary>A parser error spanning one token.</summary>
    private PythonSyntaxError ErrorAt(Token t, string msg, string kind = "SyntaxError")
    {
        int offset = _src.CharCol(t.StartLineStart, t.Start) + 1;
        int endOffset = _src.CharCol(t.EndLineStart, t.End) + 1;
        return Error(kind, msg, t.Line, offset, t.EndLine, endOffset);
    }

    /// <summary>A parser error spanning tokens.</summary>
    private PythonSyntaxError ErrorAt(Token start, Token end, string msg)
    {
        int offset = _src.CharCol(start.StartLineStart, start.Start) + 1;
        int endOffset = _src.CharCol(end.EndLineStart, end.End) + 1;
        return Error("SyntaxError", msg, start.Line, offset, end.EndLine, endOffset);
    }

    /// <summary>A parser error spanning a node (RAISE_SYNTAX_ERROR_KNOWN_LOCATION).</summary>
    private PythonSyntaxError ErrorAt(Node node, string msg) => ErrorAt(node, node, msg);

    /// <summary>A parser error from one node's start to another's end (..._KNOWN_RANGE).</summary>
    private PythonSyntaxError ErrorAt(Node start, Node end, string msg)
    {
        int offset = _src.ByteColToCharCol(start.Lineno, start.ColOffset) + 1;
        int endOffset = _src.ByteColToCharCol(end.EndLineno, end.EndColOffset) + 1;
        return Error("SyntaxError", msg, start.Lineno, offset, end.EndLineno, endOffset);
    }

    /// <summary>RAISE_SYNTAX_ERROR_STARTING_FROM: from a node's start, with no end.</summary>
    private PythonSyntaxError ErrorStartingFrom(Node start, string msg)
    {
        int offset = _src.ByteColToCharCol(start.Lineno, start.ColOffset) + 1;
        return Error("SyntaxError", msg, start.Lineno, offset, start.Lineno, -4);
    }

    /// <summary>An error at the furthest token read (RAISE_SYNTAX_ERROR).</summary>
    private PythonSyntaxError ErrorAtLast(string msg) => ErrorAt(_tokens[^1], msg);

    /// <summary>The text is the line with its newline when the tokenizer has not moved past
    /// that line, and without it otherwise (pegen_errors.c reads it from different buffers).</summary>
    private PythonSyntaxError Error(string kind, string msg, int line, int offset, int endLine, int endOffset)
    {
        int tokenizerLine = _tokens.Count > 0 ? _tokens[^1].EndLine : 1;
        return _src.Error(kind, msg, line, offset, endLine, endOffset, line >= tokenizerLine);
    }

    /// <summary>Objects' names in messages (pegen.c _PyPegen_get_expr_name).</summary>
    internal static string ExprName(ExprNode e) => e switch
    {
        AttributeExpr => "attribute",
        Subscript => "subscript",
        Starred => "starred",
        Name => "name",
        ListExpr => "list",
        TupleExpr => "tuple",
        Lambda => "lambda",
        Call => "function call",
        BoolOp or BinOp or UnaryOp => "expression",
        GeneratorExp => "generator expression",
        Yield or YieldFrom => "yield expression",
        ListComp => "list comprehension",
        SetComp => "set comprehension",
        DictComp => "dict comprehension",
        DictExpr => "dict literal",
        SetExpr => "set display",
        JoinedStr or FormattedValue => "f-string expression",
        Constant { Value: null } => "None",
        Constant { Value: true } => "True",
        Constant { Value: false } => "False",
        Constant { Value: Ellipsis } => "ellipsis",
        Constant => "literal",
        Compare => "comparison",
        IfExp => "conditional expression",
        NamedExpr => "named expression",
        _ => "expression",
    };

    /// <summary>CPython refuses trees nested deeper than about 3000 levels (the AST validator and
    /// compiler count their recursion); deep left-nested chains such as a.b.c... or a+b+c... are
    /// built without recursion here, so their depth is checked once the tree is complete.</summary>
    private static void CheckTreeDepth(object root)
    {
        // Two stacks rather than a Stack of value tuples, which every process would JIT-compile.
        var stack = new Stack<Node>();
        var depths = new Runtime.IntStack();
        if (root is Module m)
        {
            foreach (StmtNode s in m.Body)
            {
                stack.Push(s);
                depths.Push(1);
            }
        }
        else if (root is Node n)
        {
            stack.Push(n);
            depths.Push(1);
        }
        var children = new List<Node>();
        while (stack.Count > 0)
        {
            Node node = stack.Pop();
            int depth = depths.Pop();
            if (depth > MaxDepth)
            {
                throw new PythonRecursionError("maximum recursion depth exceeded during compilation");
            }
            children.Clear();
            AstWalker.AddChildren(node, children);
            foreach (Node child in children)
            {
                stack.Push(child);
                depths.Push(depth + 1);
            }
        }
    }
}
