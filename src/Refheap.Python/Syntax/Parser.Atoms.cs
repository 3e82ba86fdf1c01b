using System.Collections.Generic;

namespace Refheap.Python.Syntax;

/// <summary>Atoms: names, literals, displays, comprehensions, parenthesized forms.</summary>
internal sealed partial class Parser
{
    private ExprNode ParseAtom()
    {
        Token t = Cur;
        switch (t.Kind)
        {
            case TokenKind.Name:
                switch (t.Text)
                {
                    case "None":
                        Advance();
                        return Finish(new Constant { Value = null }, t);
                    case "True":
                        Advance();
                        return Finish(new Constant { Value = true }, t);
                    case "False":
                        Advance();
                        return Finish(new Constant { Value = false }, t);
                    default:
                        if (IsKeyword(t.Text))
                        {
                            throw new ParseFailure();
                        }
                        Advance();
                        return Finish(new Name { Id = t.Text, Ctx = ExprContext.Load }, t);
                }
            case TokenKind.Number:
                Advance();
                return Finish(new Constant { Value = NumberParser.Parse(t.Text) }, t);
            case TokenKind.String:
                return ParseStrings();
            case TokenKind.Op:
                switch (t.Text)
                {
                    case "(":
                        return ParseParenthesized();
                    case "[":
                        return ParseListDisplay();
                    case "{":
                        return ParseBraceDisplay();
                    case "...":
                        Advance();
                        return Finish(new Constant { Value = Ellipsis.Instance }, t);
                    default:
                        throw new ParseFailure();
                }
            default:
                throw new ParseFailure();
        }
    }

    private ExprNode ParseParenthesized()
    {
        Token open = Advance();
        Enter();
        try
        {
            if (AtOp(")"))
            {
                Advance();
                return Finish(new TupleExpr { Ctx = ExprContext.Load }, open);
            }
            if (AtKeyword("yield"))
            {
                ExprNode y = ParseYield();
                ExpectOp(")");
                return y;
            }
            ExprNode first = ParseStarNamedExpression();
            CheckMissingComma(first, ")");
            if (AtOp(")"))
            {
                if (first is Starred)
                {
                    throw ErrorAt(first, "cannot use starred expression here");
                }
                Advance();
                // A node built on this one starts at the outermost '(' (pegen's EXTRA).
                _groupStart[first] = open;
                return first;
            }
            if (AtKeyword("for"))
            {
                List<Comprehension> gens = ParseComprehensionClauses(first);
                ExpectOp(")");
                return Finish(new GeneratorExp { Elt = first, Generators = gens }, open);
            }
            var elts = new List<ExprNode> { first };
            while (TryOp(","))
            {
                if (AtOp(")"))
                {
                    break;
                }
                elts.Add(ParseStarNamedExpression());
                CheckMissingComma(elts[^1], ")");
            }
            ExpectOp(")");
            return Finish(new TupleExpr { Elts = elts, Ctx = ExprContext.Load }, open);
        }
        finally
        {
            Leave();
        }
    }

    private ExprNode ParseListDisplay()
    {
        Token open = Advance();
        Enter();
        try
        {
            var elts = new List<ExprNode>();
            if (!AtOp("]"))
            {
                ExprNode first = ParseStarNamedExpression();
                if (AtKeyword("for"))
                {
                    List<Comprehension> gens = ParseComprehensionClauses(first);
                    ExpectOp("]");
                    return Finish(new ListComp { Elt = first, Generators = gens }, open);
                }
                elts.Add(first);
                CheckMissingComma(first, "]");
                ParseMoreElements(elts, "]", open);
            }
            ExpectOp("]");
            return Finish(new ListExpr { Elts = elts, Ctx = ExprContext.Load }, open);
        }
        finally
        {
            Leave();
        }
    }

    private void ParseMoreElements(List<ExprNode> elts, string close, Token open)
    {
        while (TryOp(","))
        {
            if (AtOp(close))
            {
                break;
            }
            elts.Add(ParseStarNamedExpression());
            if (AtKeyword("for"))
            {
                // invalid_comprehension: [a, b for ...]
                throw ErrorAt(elts[0], elts[^1], "did you forget parentheses around the comprehension target?");
            }
        }
        CheckMissingComma(elts.Count > 0 ? elts[^1] : null, close);
    }

    /// <summary>invalid_expression (3.11): two expressions side by side inside brackets.</summary>
    private void CheckMissingComma(ExprNode? last, string close)
    {
        if (last is null or Starred or IfExp or Lambda or NamedExpr || AtOp(close) || !StartsExpression() || AtOp("*") || AtOp("-") || AtOp("+")
            || AtOp("~"))
        {
            return;
        }
        if (last is Name { Id: "print" or "exec" } || Cur.Kind == TokenKind.Name && IsKeyword(Cur.Text)
            && Cur.Text is not ("None" or "True" or "False" or "lambda" or "not"))
        {
            return;
        }
        if (last is Name && Cur.Kind == TokenKind.String)
        {
            return;
        }
        int save = _pos;
        try
        {
            ExprNode next = ParseExpression();
            throw ErrorAt(last, next, "invalid syntax. Perhaps you forgot a comma?");
        }
        catch (ParseFailure)
        {
            _pos = save;
        }
    }

    private ExprNode ParseBraceDisplay()
    {
        Token open = Advance();
        Enter();
        try
        {
            if (AtOp("}"))
            {
                Advance();
                return Finish(new DictExpr(), open);
            }
            if (AtOp("**"))
            {
                Advance();
                ExprNode value = ParseBitwiseOr();
                return ParseDictRest(open, null, value);
            }
            ExprNode first = ParseStarNamedExpression();
            if (AtOp(":") && first is not Starred)
            {
                Advance();
                if (AtOp("}") || AtOp(","))
                {
                    throw ErrorAt(_prev, "expression expected after dictionary key and ':'");
                }
                ExprNode value = ParseExpression();
                if (AtKeyword("for"))
                {
                    List<Comprehension> gens = ParseComprehensionClauses(first);
                    ExpectOp("}");
                    return Finish(new DictComp { Key = first, Value = value, Generators = gens }, open);
                }
                return ParseDictRest(open, first, value);
            }
            if (AtKeyword("for"))
            {
                List<Comprehension> gens = ParseComprehensionClauses(first);
                ExpectOp("}");
                return Finish(new SetComp { Elt = first, Generators = gens }, open);
            }
            var elts = new List<ExprNode> { first };
            CheckMissingComma(first, "}");
            ParseMoreElements(elts, "}", open);
            ExpectOp("}");
            return Finish(new SetExpr { Elts = elts }, open);
        }
        finally
        {
            Leave();
        }
    }

    private DictExpr ParseDictRest(Token open, ExprNode? firstKey, ExprNode firstValue)
    {
        var dict = new DictExpr();
        dict.Keys.Add(firstKey);
        dict.Values.Add(firstValue);
        while (TryOp(","))
        {
            if (AtOp("}"))
            {
                break;
            }
            if (TryOp("**"))
            {
                dict.Keys.Add(null);
                dict.Values.Add(ParseBitwiseOr());
                continue;
            }
            ExprNode key = ParseExpression();
            if (!AtOp(":"))
            {
                if (AtOp("}") || AtOp(","))
                {
                    // invalid_double_starred_kvpairs: from the key, with no end.
                    int offset = _src.ByteColToCharCol(key.Lineno, key.ColOffset) + 1;
                    throw Error("SyntaxError", "':' expected after dictionary key", key.Lineno, offset,
                        key.EndLineno, 0);
                }
                throw new ParseFailure();
            }
            Advance();
            if (AtOp("}") || AtOp(","))
            {
                throw ErrorAt(_prev, "expression expected after dictionary key and ':'");
            }
            dict.Keys.Add(key);
            dict.Values.Add(ParseExpression());
        }
        ExpectOp("}");
        return Finish(dict, open);
    }

    /// <summary>for_if_clauses: ('for' star_targets 'in' disjunction ('if' disjunction)*)+.</summary>
    private List<Comprehension> ParseComprehensionClauses(ExprNode element)
    {
        if (element is Starred)
        {
            throw ErrorAt(element, "iterable unpacking cannot be used in comprehension");
        }
        var gens = new List<Comprehension>();
        while (AtKeyword("for") || AtKeyword("async"))
        {
            if (AtKeyword("async"))
            {
                throw ErrorAt(Cur, "'async' is not supported by Refheap (async comprehensions)");
            }
            Advance();
            ExprNode target = ParseStarTargets();
            if (!AtKeyword("in"))
            {
                throw new ParseFailure();
            }
            Advance();
            ExprNode iter = ParseDisjunction();
            var comp = new Comprehension { Target = target, Iter = iter };
            while (AtKeyword("if"))
            {
                Advance();
                comp.Ifs.Add(ParseDisjunction());
            }
            gens.Add(comp);
        }
        return gens;
    }

    /// <summary>yield_expr: 'yield' 'from' expression | 'yield' [star_expressions].</summary>
    private ExprNode ParseYield()
    {
        Token t = ExpectKeyword("yield");
        if (TryKeyword("from"))
        {
            ExprNode value = ParseExpression();
            return Finish(new YieldFrom { Value = value }, t);
        }
        if (!StartsExpression())
        {
            return Finish(new Yield(), t);
        }
        return Finish(new Yield { Value = ParseStarExpressions() }, t);
    }
}
