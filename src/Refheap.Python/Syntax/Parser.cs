using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Refheap.Python.Syntax;

/// <summary>
/// Recursive-descent parser for Python 3.11 (Grammar/python.gram is the reference for what is
/// accepted; the code is written from scratch). Tokens are pulled from the tokenizer on demand.
/// A plain mismatch throws <see cref="ParseFailure"/>, turned into CPython's generic error
/// ("invalid syntax", "'(' was never closed", "unexpected indent") at the furthest token read;
/// the specific messages of CPython's invalid_* rules are raised where they apply.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Nesting depth (recursive parser calls, and tree depth) beyond which the parse
    /// gives up like CPython's "maximum recursion depth exceeded during compilation".</summary>
    internal const int MaxDepth = 2990;

    private static readonly HashSet<string> s_keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    private readonly SourceText _src;
    private readonly Tokenizer _tokenizer;
    private readonly List<Token> _tokens = [];
    private int _pos;
    private int _depth;
    private int _base;
    private bool _tokenizerFailed;
    private readonly Dictionary<Node, Token> _groupStart = new(ReferenceEqualityComparer.Instance);
    private Token _prev;

    public Parser(SourceText source)
    {
        _src = source;
        _tokenizer = new Tokenizer(source);
        _prev = new Token();
    }

    internal SourceText Source => _src;

    private Token Cur => TokenAt(_pos);

    private Token Next => TokenAt(_pos + 1);

    public Module ParseFile()
    {
        try
        {
            var module = new Module();
            while (Cur.Kind != TokenKind.EndMarker)
            {
                ParseStatementInto(module.Body);
                DropConsumedTokens();
            }
            CheckTreeDepth(module);
            return module;
        }
        catch (ParseFailure)
        {
            throw GenericError();
        }
        catch (PythonSyntaxError e) when (!_tokenizerFailed)
        {
            // pegen_errors.c: a tokenizer error later in the file wins over a parser error.
            CheckRestOfSource(e.Lineno);
            throw;
        }
    }

    public ExpressionModule ParseEval()
    {
        try
        {
            // Skip leading NEWLINE tokens (blank lines are NL and never reach here).
            ExprNode body = ParseStarExpressions();
            while (Cur.Kind == TokenKind.Newline)
            {
                Advance();
            }
            if (Cur.Kind != TokenKind.EndMarker)
            {
                throw new ParseFailure();
            }
            var result = new ExpressionModule { Body = body };
            CheckTreeDepth(result.Body);
            return result;
        }
        catch (ParseFailure)
        {
            throw GenericError();
        }
    }

    internal static bool IsKeyword(string name) => s_keywords.Contains(name);

    /// <summary>Between top-level statements nothing looks back: forget the tokens already
    /// consumed (all but the last, which error reporting may use).</summary>
    private void DropConsumedTokens()
    {
        int consumed = _pos - _base;
        if (consumed > 256 && consumed < _tokens.Count)
        {
            _tokens.RemoveRange(0, consumed - 1);
            _base += consumed - 1;
        }
    }

    private Token TokenAt(int index)
    {
        index -= _base;
        while (_tokens.Count <= index)
        {
            try
            {
                _tokens.Add(_tokenizer.Next());
            }
            catch (PythonSyntaxError)
            {
                _tokenizerFailed = true;
                throw;
            }
        }
        return _tokens[index];
    }

    private Token Advance()
    {
        Token t = TokenAt(_pos);
        _pos++;
        _prev = t;
        return t;
    }

    private bool AtOp(string op) => Cur.Kind == TokenKind.Op && Cur.Text == op;

    private bool AtKeyword(string keyword) => Cur.Kind == TokenKind.Name && Cur.Text == keyword;

    private bool TryOp(string op)
    {
        if (AtOp(op))
        {
            Advance();
            return true;
        }
        return false;
    }

    private bool TryKeyword(string keyword)
    {
        if (AtKeyword(keyword))
        {
            Advance();
            return true;
        }
        return false;
    }

    private Token ExpectOp(string op) => AtOp(op) ? Advance() : throw new ParseFailure();

    private Token ExpectKeyword(string keyword) => AtKeyword(keyword) ? Advance() : throw new ParseFailure();

    /// <summary>A NAME token that is not a keyword.</summary>
    private Token ExpectName()
    {
        Token t = Cur;
        if (t.Kind != TokenKind.Name || IsKeyword(t.Text))
        {
            throw new ParseFailure();
        }
        return Advance();
    }

    private bool AtName => Cur.Kind == TokenKind.Name && !IsKeyword(Cur.Text);

    // ---- positions ----

    private int ByteCol(Token t) => _src.ByteCol(t.StartLineStart, t.Start);

    private int EndByteCol(Token t) => _src.ByteCol(t.EndLineStart, t.End);

    /// <summary>Positions a node from a start token to the last consumed token.</summary>
    private T Finish<T>(T node, Token start)
        where T : Node
    {
        node.Lineno = start.Line;
        node.ColOffset = ByteCol(start);
        node.EndLineno = _prev.EndLine;
        node.EndColOffset = EndByteCol(_prev);
        return node;
    }

    /// <summary>Positions a node from a start node to the last consumed token.</summary>
    private T Finish<T>(T node, Node start)
        where T : Node
    {
        if (_groupStart.TryGetValue(start, out Token? open))
        {
            return Finish(node, open);
        }
        node.Lineno = start.Lineno;
        node.ColOffset = start.ColOffset;
        node.EndLineno = _prev.EndLine;
        node.EndColOffset = EndByteCol(_prev);
        return node;
    }

    private static T Span<T>(T node, Node start, Node end)
        where T : Node
    {
        node.Lineno = start.Lineno;
        node.ColOffset = start.ColOffset;
        node.EndLineno = end.EndLineno;
        node.EndColOffset = end.EndColOffset;
        return node;
    }

    private static T Span<T>(T node, Token start, Token end, Parser p)
        where T : Node
    {
        node.Lineno = start.Line;
        node.ColOffset = p.ByteCol(start);
        node.EndLineno = end.EndLine;
        node.EndColOffset = p.EndByteCol(end);
        return node;
    }

    // ---- recursion guard ----

    private void Enter()
    {
        if (++_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new PythonRecursionError("maximum recursion depth exceeded during compilation");
        }
    }

    private void Leave() => _depth--;

    /// <summary>Thrown for a plain mismatch; becomes CPython's generic syntax error.</summary>
    private sealed class ParseFailure : Exception
    {
        public ParseFailure()
            : base("invalid syntax")
        {
        }

        public ParseFailure(string message)
            : base(message)
        {
        }

        public ParseFailure(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
