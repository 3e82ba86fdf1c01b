using System.Collections.Generic;

namespace Refheap.Python.Syntax;

/// <summary>Compound statements and blocks.</summary>
internal sealed partial class Parser
{
    /// <summary>':' then a block: NEWLINE INDENT statements DEDENT, or simple statements on the
    /// same line. <paramref name="what"/> names the statement for CPython's "expected an indented
    /// block after ..." message.</summary>
    private List<StmtNode> ParseBlock(Token keyword, string what)
    {
        if (!AtOp(":"))
        {
            throw ErrorAtLast("expected ':'");
        }
        Advance();
        return ParseBlockBody(keyword, what);
    }

    private List<StmtNode> ParseBlockBody(Token keyword, string what)
    {
        var body = new List<StmtNode>();
        if (Cur.Kind != TokenKind.Newline)
        {
            ParseSimpleStatements(body);
            return body;
        }
        Advance();
        if (Cur.Kind != TokenKind.Indent)
        {
            Token t = Cur;
            PythonSyntaxError e = ErrorAt(t, $"expected an indented block after {what} on line {keyword.Line}",
                "IndentationError");
            if (t.Kind == TokenKind.EndMarker)
            {
                e = Error("IndentationError", e.Msg, e.Lineno, e.Offset, e.EndLineno, -1);
            }
            throw e;
        }
        Advance();
        Enter();
        while (Cur.Kind != TokenKind.Dedent && Cur.Kind != TokenKind.EndMarker)
        {
            ParseStatementInto(body);
        }
        Leave();
        if (Cur.Kind == TokenKind.Dedent)
        {
            Advance();
        }
        return body;
    }

    /// <summary>Ends a compound statement at the end of its last body statement.</summary>
    private static T EndAt<T>(T node, Token start, List<StmtNode> lastBody, Parser p)
        where T : Node
    {
        Node last = lastBody[^1];
        node.Lineno = start.Line;
        node.ColOffset = p.ByteCol(start);
        node.EndLineno = last.EndLineno;
        node.EndColOffset = last.EndColOffset;
        return node;
    }

    private If ParseIf()
    {
        Token t = Advance();
        return ParseIfRest(t, "'if' statement");
    }

    private If ParseIfRest(Token t, string what)
    {
        ExprNode test = ParseNamedExpression();
        List<StmtNode> body = ParseBlock(t, what);
        var node = new If { Test = test, Body = body };
        if (AtKeyword("elif"))
        {
            Token elif = Advance();
            node.Orelse.Add(ParseIfRest(elif, "'elif' statement"));
        }
        else if (AtKeyword("else"))
        {
            Token e = Advance();
            node.Orelse = ParseBlock(e, "'else' statement");
        }
        return EndAt(node, t, node.Orelse.Count > 0 ? node.Orelse : body, this);
    }

    private While ParseWhile()
    {
        Token t = Advance();
        ExprNode test = ParseNamedExpression();
        List<StmtNode> body = ParseBlock(t, "'while' statement");
        var node = new While { Test = test, Body = body };
        if (AtKeyword("else"))
        {
            Token e = Advance();
            node.Orelse = ParseBlock(e, "'else' statement");
        }
        return EndAt(node, t, node.Orelse.Count > 0 ? node.Orelse : body, this);
    }

    private For ParseFor()
    {
        Token t = Advance();
        ExprNode target = ParseStarTargets();
        if (!AtKeyword("in"))
        {
            throw new ParseFailure();
        }
        Advance();
        ExprNode iter = ParseStarExpressions();
        List<StmtNode> body = ParseBlock(t, "'for' statement");
        var node = new For { Target = target, Iter = iter, Body = body };
        if (AtKeyword("else"))
        {
            Token e = Advance();
            node.Orelse = ParseBlock(e, "'else' statement");
        }
        return EndAt(node, t, node.Orelse.Count > 0 ? node.Orelse : body, this);
    }

    private StmtNode ParseTry()
    {
        Token t = Advance();
        List<StmtNode> body = ParseBlock(t, "'try' statement");
        var handlers = new List<ExceptHandler>();
        bool? star = null;
        while (AtKeyword("except"))
        {
            Token ex = Advance();
            bool isStar = TryOp("*");
            if (star is not null && star != isStar)
            {
                throw ErrorAt(ex, "cannot have both 'except' and 'except*' on the same 'try'");
            }
            star = isStar;
            var handler = new ExceptHandler();
            if (!AtOp(":"))
            {
                handler.Type = ParseExpression();
                if (AtOp(","))
                {
                    // invalid_except_stmt: from the first type to the end of the others.
                    Advance();
                    ParseStarExpressions();
                    throw ErrorAt(handler.Type, ToNode(_prev), "multiple exception types must be parenthesized");
                }
                if (TryKeyword("as"))
                {
                    handler.Name = ExpectName().Text;
                }
            }
            else if (isStar)
            {
                throw ErrorAtLast("expected one or more exception types");
            }
            handler.Body = ParseBlock(ex, isStar ? "'except*' statement" : "'except' statement");
            handlers.Add(EndAt(handler, ex, handler.Body, this));
        }
        List<StmtNode> orelse = [];
        List<StmtNode> finalbody = [];
        if (handlers.Count > 0 && AtKeyword("else"))
        {
            Token e = Advance();
            orelse = ParseBlock(e, "'else' statement");
        }
        if (AtKeyword("finally"))
        {
            Token f = Advance();
            finalbody = ParseBlock(f, "'finally' statement");
        }
        if (handlers.Count == 0 && finalbody.Count == 0)
        {
            throw ErrorAtLast("expected 'except' or 'finally' block");
        }
        List<StmtNode> last = finalbody.Count > 0 ? finalbody : orelse.Count > 0 ? orelse : handlers[^1].Body;
        StmtNode node = star == true
            ? new TryStar { Body = body, Handlers = handlers, Orelse = orelse, Finalbody = finalbody }
            : new Try { Body = body, Handlers = handlers, Orelse = orelse, Finalbody = finalbody };
        if (finalbody.Count == 0 && orelse.Count == 0)
        {
            node.Lineno = t.Line;
            node.ColOffset = ByteCol(t);
            node.EndLineno = handlers[^1].EndLineno;
            node.EndColOffset = handlers[^1].EndColOffset;
            return node;
        }
        return EndAt(node, t, last, this);
    }

    private With ParseWith()
    {
        Token t = Advance();
        var items = new List<WithItem>();
        if (AtOp("("))
        {
            // 'with' '(' ','.with_item+ ','? ')' ':' — else a parenthesized expression.
            int save = _pos;
            try
            {
                Advance();
                while (true)
                {
                    items.Add(ParseWithItem());
                    if (!TryOp(","))
                    {
                        break;
                    }
                    if (AtOp(")"))
                    {
                        break;
                    }
                }
                ExpectOp(")");
                if (!AtOp(":"))
                {
                    throw new ParseFailure();
                }
            }
            catch (ParseFailure)
            {
                _pos = save;
                items.Clear();
            }
        }
        if (items.Count == 0)
        {
            do
            {
                items.Add(ParseWithItem());
            }
            while (TryOp(","));
        }
        List<StmtNode> body = ParseBlock(t, "'with' statement");
        return EndAt(new With { Items = items, Body = body }, t, body, this);
    }

    private WithItem ParseWithItem()
    {
        ExprNode e = ParseExpression();
        var item = new WithItem { ContextExpr = e };
        if (TryKeyword("as"))
        {
            item.OptionalVars = ParseStarTarget();
        }
        return item;
    }

    private StmtNode ParseDecorated()
    {
        var decorators = new List<ExprNode>();
        while (AtOp("@"))
        {
            Advance();
            decorators.Add(ParseNamedExpression());
            if (Cur.Kind != TokenKind.Newline)
            {
                throw new ParseFailure();
            }
            Advance();
        }
        if (AtKeyword("def"))
        {
            return ParseFunctionDef(decorators);
        }
        if (AtKeyword("class"))
        {
            return ParseClassDef(decorators);
        }
        if (AtKeyword("async"))
        {
            throw ErrorAt(Cur, "'async' is not supported by Refheap (async def, async for, async with)");
        }
        throw new ParseFailure();
    }

    private FunctionDef ParseFunctionDef(List<ExprNode> decorators)
    {
        Token t = Advance();
        string name = ExpectName().Text;
        if (!AtOp("("))
        {
            throw ErrorAtLast("expected '('");
        }
        Advance();
        Arguments args = ParseParameters(")", allowAnnotations: true);
        ExpectOp(")");
        ExprNode? returns = TryOp("->") ? ParseExpression() : null;
        List<StmtNode> body = ParseBlock(t, "function definition");
        var node = new FunctionDef { Name = name, Args = args, Body = body, DecoratorList = decorators, Returns = returns };
        return EndAt(node, t, body, this);
    }

    private ClassDef ParseClassDef(List<ExprNode> decorators)
    {
        Token t = Advance();
        string name = ExpectName().Text;
        var node = new ClassDef { Name = name, DecoratorList = decorators };
        if (AtOp("("))
        {
            Token open = Advance();
            if (!AtOp(")"))
            {
                (node.Bases, node.Keywords) = ParseCallArguments(open, out _, allowGenexp: false);
            }
            ExpectOp(")");
        }
        node.Body = ParseBlock(t, "class definition");
        return EndAt(node, t, node.Body, this);
    }
}
