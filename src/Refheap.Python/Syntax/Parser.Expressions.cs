using System.Collections.Generic;

namespace Refheap.Python.Syntax;

/// <summary>Expressions, from star_expressions down to primary (Grammar/python.gram, 3.11).</summary>
internal sealed partial class Parser
{
    /// <summary>star_expressions: one, or a tuple without parentheses.</summary>
    private ExprNode ParseStarExpressions()
    {
        ExprNode first = ParseStarExpression();
        if (!AtOp(","))
        {
            return first;
        }
        var elts = new List<ExprNode> { first };
        while (TryOp(","))
        {
            if (!StartsExpression())
            {
                break;
            }
            elts.Add(ParseStarExpression());
        }
        return Finish(new TupleExpr { Elts = elts, Ctx = ExprContext.Load }, first);
    }

    /// <summary>star_expression: '*' bitwise_or | expression.</summary>
    private ExprNode ParseStarExpression()
    {
        if (AtOp("*"))
        {
            Token t = Advance();
            ExprNode value = ParseBitwiseOr();
            return Finish(new Starred { Value = value, Ctx = ExprContext.Load }, t);
        }
        return ParseExpression();
    }

    /// <summary>star_named_expression: '*' bitwise_or | named_expression.</summary>
    private ExprNode ParseStarNamedExpression()
    {
        if (AtOp("*"))
        {
            Token t = Advance();
            ExprNode value = ParseBitwiseOr();
            return Finish(new Starred { Value = value, Ctx = ExprContext.Load }, t);
        }
        return ParseNamedExpression();
    }

    /// <summary>Whether the current token can begin an expression.</summary>
    private bool StartsExpression()
    {
        Token t = Cur;
        switch (t.Kind)
        {
            case TokenKind.Name:
                return !IsKeyword(t.Text) || t.Text is "None" or "True" or "False" or "not" or "lambda" or "await"
                    or "yield";
            case TokenKind.Number:
            case TokenKind.String:
                return true;
            case TokenKind.Op:
                return t.Text is "(" or "[" or "{" or "-" or "+" or "~" or "..." or "*";
            default:
                return false;
        }
    }

    /// <summary>named_expression: NAME ':=' expression | expression.</summary>
    private ExprNode ParseNamedExpression(bool checkEquals = true)
    {
        if (AtName && Next.Is(":="))
        {
            Token name = Advance();
            Advance();
            ExprNode value = ParseExpression();
            var target = Finish(new Name { Id = name.Text, Ctx = ExprContext.Store }, name);
            target.EndLineno = name.EndLine;
            target.EndColOffset = EndByteCol(name);
            return Finish(new NamedExpr { Target = target, Value = value }, name);
        }
        ExprNode e = ParseExpression();
        if (AtOp(":="))
        {
            throw ErrorAt(e, $"cannot use assignment expressions with {ExprName(e)}");
        }
        if (checkEquals && AtOp("="))
        {
            CheckMisplacedEquals(e);
        }
        return e;
    }

    /// <summary>invalid_named_expression (3.11): `x = 1` where an expression is expected.</summary>
    private void CheckMisplacedEquals(ExprNode e)
    {
        int save = _pos;
        Advance();
        ExprNode value;
        try
        {
            value = ParseBitwiseOr();
        }
        catch (ParseFailure)
        {
            _pos = save;
            return;
        }
        if (AtOp("=") || AtOp(":="))
        {
            _pos = save;
            return;
        }
        if (e is Name)
        {
            throw ErrorAt(e, value, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        if (e is not (ListExpr or TupleExpr or GeneratorExp or Constant { Value: null or true or false } or Compare
            or BoolOp or IfExp or Lambda or NamedExpr or UnaryOp { Op: UnaryOperator.Not }))
        {
            throw ErrorAt(e, $"cannot assign to {ExprName(e)} here. Maybe you meant '==' instead of '='?");
        }
        _pos = save;
    }

    /// <summary>expression: disjunction ['if' disjunction 'else' expression] | lambdef.</summary>
    private ExprNode ParseExpression()
    {
        Enter();
        try
        {
            if (AtKeyword("lambda"))
            {
                return ParseLambda();
            }
            ExprNode body = ParseDisjunction();
            if (!AtKeyword("if"))
            {
                return body;
            }
            Advance();
            ExprNode test = ParseDisjunction();
            if (!AtKeyword("else"))
            {
                throw ErrorAt(body, _prev.Kind == TokenKind.Op ? ToNode(_prev) : test, "expected 'else' after 'if' expression");
            }
            Advance();
            ExprNode orelse = ParseExpression();
            return Finish(new IfExp { Test = test, Body = body, Orelse = orelse }, body);
        }
        finally
        {
            Leave();
        }
    }

    private Pass ToNode(Token t) => Span(new Pass(), t, t, this);

    private ExprNode ParseDisjunction()
    {
        ExprNode first = ParseConjunction();
        if (!AtKeyword("or"))
        {
            return first;
        }
        var values = new List<ExprNode> { first };
        while (TryKeyword("or"))
        {
            values.Add(ParseConjunction());
        }
        return Finish(new BoolOp { Op = BoolOperator.Or, Values = values }, first);
    }

    private ExprNode ParseConjunction()
    {
        ExprNode first = ParseInversion();
        if (!AtKeyword("and"))
        {
            return first;
        }
        var values = new List<ExprNode> { first };
        while (TryKeyword("and"))
        {
            values.Add(ParseInversion());
        }
        return Finish(new BoolOp { Op = BoolOperator.And, Values = values }, first);
    }

    private ExprNode ParseInversion()
    {
        if (AtKeyword("not"))
        {
            Token t = Advance();
            Enter();
            ExprNode operand = ParseInversion();
            Leave();
            return Finish(new UnaryOp { Op = UnaryOperator.Not, Operand = operand }, t);
        }
        return ParseComparison();
    }

    private ExprNode ParseComparison()
    {
        ExprNode left = ParseBitwiseOr();
        List<CmpOp>? ops = null;
        List<ExprNode>? comparators = null;
        while (true)
        {
            CmpOp op;
            Token t = Cur;
            if (t.Kind == TokenKind.Op)
            {
                switch (t.Text)
                {
                    case "==": op = CmpOp.Eq; break;
                    case "!=": op = CmpOp.NotEq; break;
                    case "<": op = CmpOp.Lt; break;
                    case "<=": op = CmpOp.LtE; break;
                    case ">": op = CmpOp.Gt; break;
                    case ">=": op = CmpOp.GtE; break;
                    default: goto done;
                }
                Advance();
            }
            else if (t.IsKeyword("in"))
            {
                op = CmpOp.In;
                Advance();
            }
            else if (t.IsKeyword("not") && Next.IsKeyword("in"))
            {
                op = CmpOp.NotIn;
                Advance();
                Advance();
            }
            else if (t.IsKeyword("is"))
            {
                Advance();
                op = TryKeyword("not") ? CmpOp.IsNot : CmpOp.Is;
            }
            else
            {
                break;
            }
            (ops ??= []).Add(op);
            (comparators ??= []).Add(ParseBitwiseOr());
        }
    done:
        if (ops is null)
        {
            return left;
        }
        return Finish(new Compare { Left = left, Ops = ops, Comparators = comparators! }, left);
    }

    /// <summary>Binary operator precedence: 1 |, 2 ^, 3 &amp;, 4 shifts, 5 + -, 6 * / // % @.</summary>
    private static int BinaryPrecedence(Token t, out Operator op)
    {
        op = Operator.Add;
        if (t.Kind != TokenKind.Op)
        {
            return 0;
        }
        switch (t.Text)
        {
            case "|": op = Operator.BitOr; return 1;
            case "^": op = Operator.BitXor; return 2;
            case "&": op = Operator.BitAnd; return 3;
            case "<<": op = Operator.LShift; return 4;
            case ">>": op = Operator.RShift; return 4;
            case "+": op = Operator.Add; return 5;
            case "-": op = Operator.Sub; return 5;
            case "*": op = Operator.Mult; return 6;
            case "/": op = Operator.Div; return 6;
            case "//": op = Operator.FloorDiv; return 6;
            case "%": op = Operator.Mod; return 6;
            case "@": op = Operator.MatMult; return 6;
            default: return 0;
        }
    }

    /// <summary>bitwise_or and everything down to term, by precedence climbing.</summary>
    private ExprNode ParseBitwiseOr() => ParseBinary(1);

    private ExprNode ParseBinary(int minPrecedence)
    {
        ExprNode left = ParseFactor();
        while (true)
        {
            int prec = BinaryPrecedence(Cur, out Operator op);
            if (prec < minPrecedence || prec == 0)
            {
                return left;
            }
            Advance();
            Enter();
            ExprNode right = ParseBinary(prec + 1);
            Leave();
            left = Finish(new BinOp { Left = left, Op = op, Right = right }, left);
        }
    }

    /// <summary>factor: ('+' | '-' | '~') factor | power.</summary>
    private ExprNode ParseFactor()
    {
        Token t = Cur;
        if (t.Kind == TokenKind.Op && t.Text is "+" or "-" or "~")
        {
            Advance();
            UnaryOperator op = t.Text == "+" ? UnaryOperator.UAdd : t.Text == "-" ? UnaryOperator.USub : UnaryOperator.Invert;
            Enter();
            ExprNode operand = ParseFactor();
            Leave();
            return Finish(new UnaryOp { Op = op, Operand = operand }, t);
        }
        return ParsePower();
    }

    /// <summary>power: primary ['**' factor].</summary>
    private ExprNode ParsePower()
    {
        if (AtKeyword("await"))
        {
            throw ErrorAt(Cur, "'await' is not supported by Refheap");
        }
        ExprNode left = ParsePrimary();
        if (!AtOp("**"))
        {
            return left;
        }
        Advance();
        Enter();
        ExprNode right = ParseFactor();
        Leave();
        return Finish(new BinOp { Left = left, Op = Operator.Pow, Right = right }, left);
    }

    /// <summary>primary: atom followed by '.' NAME, '(' arguments ')', '[' slices ']'.</summary>
    private ExprNode ParsePrimary()
    {
        ExprNode e = ParseAtom();
        while (true)
        {
            if (AtOp("."))
            {
                Advance();
                Token name = ExpectName();
                e = Finish(new AttributeExpr { Value = e, Attr = name.Text, Ctx = ExprContext.Load }, e);
            }
            else if (AtOp("("))
            {
                Token open = Advance();
                var call = new Call { Func = e };
                if (!AtOp(")"))
                {
                    (call.Args, call.Keywords) = ParseCallArguments(open, out _);
                }
                ExpectOp(")");
                e = Finish(call, e);
            }
            else if (AtOp("["))
            {
                Advance();
                ExprNode slice = ParseSlices();
                ExpectOp("]");
                e = Finish(new Subscript { Value = e, Slice = slice, Ctx = ExprContext.Load }, e);
            }
            else
            {
                return e;
            }
        }
    }

    /// <summary>slices: slice !',' | ','.(slice | starred_expression)+ [','].</summary>
    private ExprNode ParseSlices()
    {
        ExprNode first = ParseSliceItem();
        if (!AtOp(","))
        {
            // x[*a] indexes with a one-element tuple.
            return first is Starred ? Span(new TupleExpr { Elts = [first], Ctx = ExprContext.Load }, first, first) : first;
        }
        var elts = new List<ExprNode> { first };
        while (TryOp(","))
        {
            if (AtOp("]"))
            {
                break;
            }
            elts.Add(ParseSliceItem());
        }
        return Finish(new TupleExpr { Elts = elts, Ctx = ExprContext.Load }, first);
    }

    private ExprNode ParseSliceItem()
    {
        if (AtOp("*"))
        {
            Token t = Advance();
            ExprNode value = ParseBitwiseOr();
            return Finish(new Starred { Value = value, Ctx = ExprContext.Load }, t);
        }
        Token start = Cur;
        ExprNode? lower = null;
        if (!AtOp(":"))
        {
            lower = ParseNamedExpression();
            if (!AtOp(":"))
            {
                return lower;
            }
            if (lower is NamedExpr)
            {
                throw new ParseFailure();
            }
        }
        Advance();
        ExprNode? upper = AtOp(":") || AtOp(",") || AtOp("]") ? null : ParseExpression();
        ExprNode? step = null;
        if (TryOp(":"))
        {
            step = AtOp(",") || AtOp("]") ? null : ParseExpression();
        }
        if (lower is not NamedExpr and not null || lower is null)
        {
            return Finish(new Slice { Lower = lower, Upper = upper, Step = step }, start);
        }
        throw new ParseFailure();
    }
}
