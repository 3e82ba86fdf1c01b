using System.Collections.Generic;

namespace Refheap.Python.Syntax;

/// <summary>Statements (Grammar/python.gram, 3.11: statements, compound_stmt, simple_stmts).</summary>
internal sealed partial class Parser
{
    private void ParseStatementInto(List<StmtNode> body)
    {
        Token t = Cur;
        if (t.Kind == TokenKind.Name)
        {
            switch (t.Text)
            {
                case "if":
                    body.Add(ParseIf());
                    return;
                case "while":
                    body.Add(ParseWhile());
                    return;
                case "for":
                    body.Add(ParseFor());
                    return;
                case "try":
                    body.Add(ParseTry());
                    return;
                case "with":
                    body.Add(ParseWith());
                    return;
                case "def":
                    body.Add(ParseFunctionDef([]));
                    return;
                case "class":
                    body.Add(ParseClassDef([]));
                    return;
                case "async":
                    throw ErrorAt(t, "'async' is not supported by Refheap (async def, async for, async with)");
                case "match":
                    CheckMatchStatement();
                    break;
                default:
                    break;
            }
        }
        else if (t.Is("@"))
        {
            body.Add(ParseDecorated());
            return;
        }
        else if (t.Kind == TokenKind.Indent || t.Kind == TokenKind.Dedent || t.Kind == TokenKind.Newline)
        {
            throw new ParseFailure();
        }
        ParseSimpleStatements(body);
    }

    /// <summary>simple_stmts: simple statements separated by ';' ending with NEWLINE.</summary>
    private void ParseSimpleStatements(List<StmtNode> body)
    {
        while (true)
        {
            body.Add(ParseSimpleStatement());
            if (TryOp(";"))
            {
                if (Cur.Kind == TokenKind.Newline)
                {
                    break;
                }
                continue;
            }
            break;
        }
        if (Cur.Kind != TokenKind.Newline)
        {
            throw new ParseFailure();
        }
        Advance();
    }

    private StmtNode ParseSimpleStatement()
    {
        Token t = Cur;
        if (t.Kind == TokenKind.Name)
        {
            switch (t.Text)
            {
                case "pass":
                    Advance();
                    return Finish(new Pass(), t);
                case "break":
                    Advance();
                    return Finish(new Break(), t);
                case "continue":
                    Advance();
                    return Finish(new Continue(), t);
                case "return":
                    Advance();
                    return Finish(new Return { Value = AtExpressionEnd() ? null : ParseStarExpressions() }, t);
                case "raise":
                    return ParseRaise();
                case "global":
                case "nonlocal":
                    return ParseGlobal();
                case "del":
                    return ParseDel();
                case "assert":
                    {
                        Advance();
                        ExprNode test = ParseExpression();
                        ExprNode? msg = TryOp(",") ? ParseExpression() : null;
                        return Finish(new Assert { Test = test, Msg = msg }, t);
                    }
                case "import":
                    return ParseImport();
                case "from":
                    return ParseFromImport();
                default:
                    break;
            }
        }
        return ParseExpressionStatement();
    }

    /// <summary>At a token that cannot start an expression (end of a simple statement).</summary>
    private bool AtExpressionEnd() => Cur.Kind == TokenKind.Newline || AtOp(";") || Cur.Kind == TokenKind.EndMarker;

    private Raise ParseRaise()
    {
        Token t = Advance();
        if (AtExpressionEnd())
        {
            return Finish(new Raise(), t);
        }
        ExprNode exc = ParseExpression();
        ExprNode? cause = TryKeyword("from") ? ParseExpression() : null;
        return Finish(new Raise { Exc = exc, Cause = cause }, t);
    }

    private StmtNode ParseGlobal()
    {
        Token t = Advance();
        var names = new List<string> { ExpectName().Text };
        while (TryOp(","))
        {
            names.Add(ExpectName().Text);
        }
        return t.Text == "global" ? Finish(new Global { Names = names }, t) : Finish(new Nonlocal { Names = names }, t);
    }

    private Delete ParseDel()
    {
        Token t = Advance();
        var targets = new List<ExprNode>();
        while (true)
        {
            ExprNode e = ParseStarredOrExpressionForDel();
            SetContext(e, ExprContext.Del, "delete");
            targets.Add(e);
            if (!TryOp(","))
            {
                break;
            }
            if (AtExpressionEnd())
            {
                break;
            }
        }
        if (!AtExpressionEnd())
        {
            throw new ParseFailure();
        }
        return Finish(new Delete { Targets = targets }, t);
    }

    private ExprNode ParseStarredOrExpressionForDel() => AtOp("*") ? ParseStarExpression() : ParseBitwiseOr();

    private Import ParseImport()
    {
        Token t = Advance();
        var names = new List<Alias>();
        do
        {
            Token start = Cur;
            string name = ParseDottedName();
            string? asname = TryKeyword("as") ? ExpectName().Text : null;
            names.Add(Finish(new Alias { Name = name, Asname = asname }, start));
        }
        while (TryOp(","));
        return Finish(new Import { Names = names }, t);
    }

    private string ParseDottedName()
    {
        string name = ExpectName().Text;
        while (AtOp("."))
        {
            Advance();
            name += "." + ExpectName().Text;
        }
        return name;
    }

    private ImportFrom ParseFromImport()
    {
        Token t = Advance();
        int level = 0;
        while (AtOp(".") || AtOp("..."))
        {
            level += Advance().Text.Length;
        }
        string? module = null;
        if (!AtKeyword("import"))
        {
            module = ParseDottedName();
        }
        ExpectKeyword("import");
        var names = new List<Alias>();
        if (AtOp("*"))
        {
            Token star = Advance();
            names.Add(Finish(new Alias { Name = "*" }, star));
            return Finish(new ImportFrom { Module = module, Names = names, Level = level }, t);
        }
        bool parens = TryOp("(");
        while (true)
        {
            Token start = Cur;
            string name = ExpectName().Text;
            string? asname = TryKeyword("as") ? ExpectName().Text : null;
            names.Add(Finish(new Alias { Name = name, Asname = asname }, start));
            if (!TryOp(","))
            {
                break;
            }
            if (parens && AtOp(")"))
            {
                break;
            }
            if (!parens && AtExpressionEnd())
            {
                throw ErrorAt(Cur, "trailing comma not allowed without surrounding parentheses");
            }
        }
        if (parens)
        {
            ExpectOp(")");
        }
        return Finish(new ImportFrom { Module = module, Names = names, Level = level }, t);
    }

    /// <summary>`match` is a soft keyword: a match statement is recognized (and refused) only
    /// when `match subject:` ends its line.</summary>
    private void CheckMatchStatement()
    {
        int save = _pos;
        Token t = Advance();
        try
        {
            if (!AtExpressionEnd() && !AtOp("=") && !AtOp(":"))
            {
                ParseStarExpressions();
                if (AtOp(":") && Next.Kind == TokenKind.Newline)
                {
                    throw ErrorAt(t, "'match' statements are not supported by Refheap");
                }
            }
        }
        catch (ParseFailure)
        {
        }
        _pos = save;
    }
}
