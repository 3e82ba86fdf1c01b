using System.Collections.Generic;

namespace Refheap.Python.Syntax;

/// <summary>Call arguments, def/lambda parameters.</summary>
internal sealed partial class Parser
{
    /// <summary>args (inside a call's or class's parentheses, not consuming the ')').</summary>
    private (List<ExprNode> Args, List<Keyword> Keywords) ParseCallArguments(Token open, out bool genexp,
        bool allowGenexp = true)
    {
        genexp = false;
        var args = new List<ExprNode>();
        var keywords = new List<Keyword>();
        bool sawKeyword = false;
        bool sawDoubleStar = false;
        while (!AtOp(")"))
        {
            Token start = Cur;
            if (AtOp("*"))
            {
                Advance();
                ExprNode value = ParseExpression();
                var starred = Finish(new Starred { Value = value, Ctx = ExprContext.Load }, start);
                if (AtKeyword("for"))
                {
                    throw ErrorAt(starred, "iterable unpacking cannot be used in comprehension");
                }
                if (sawDoubleStar)
                {
                    throw ErrorAt(start, "iterable argument unpacking follows keyword argument unpacking");
                }
                args.Add(starred);
            }
            else if (AtOp("**"))
            {
                Advance();
                ExprNode value = ParseExpression();
                keywords.Add(Finish(new Keyword { Value = value }, start));
                sawDoubleStar = true;
            }
            else if (AtName && Next.Is("="))
            {
                Advance();
                Token equals = Advance();
                ExprNode value = ParseExpression();
                if (AtKeyword("for"))
                {
                    throw ErrorAt(start, equals, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                }
                keywords.Add(Finish(new Keyword { ArgName = start.Text, Value = value }, start));
                sawKeyword = true;
            }
            else
            {
                ExprNode e = ParseNamedExpression(checkEquals: false);
                if (AtKeyword("for") && !allowGenexp)
                {
                    throw new ParseFailure();
                }
                if (AtKeyword("for"))
                {
                    List<Comprehension> gens = ParseComprehensionClauses(e);
                    var gen = new GeneratorExp { Elt = e, Generators = gens };
                    if (args.Count == 0 && keywords.Count == 0 && AtOp(")"))
                    {
                        genexp = true;
                        args.Add(Span(gen, open, Cur, this));
                        return (args, keywords);
                    }
                    Finish(gen, e);
                    if (!AtOp(")") || args.Count > 0 || keywords.Count > 0)
                    {
                        throw ErrorAt(gen, "Generator expression must be parenthesized");
                    }
                }
                if (AtOp("="))
                {
                    string msg = e is Constant { Value: null or true or false }
                        ? $"cannot assign to {ExprName(e)}"
                        : "expression cannot contain assignment, perhaps you meant \"==\"?";
                    throw ErrorAt(e, ToNode(Cur), msg);
                }
                // 3.11 reports these at the token after the argument.
                if (sawDoubleStar)
                {
                    throw ErrorAt(Cur, "positional argument follows keyword argument unpacking");
                }
                if (sawKeyword)
                {
                    throw ErrorAt(Cur, "positional argument follows keyword argument");
                }
                args.Add(e);
                CheckMissingComma(e, ")");
            }
            if (!TryOp(","))
            {
                break;
            }
        }
        return (args, keywords);
    }

    /// <summary>Parameters of a def (annotations allowed) or lambda, up to <paramref name="close"/>.</summary>
    private Arguments ParseParameters(string close, bool allowAnnotations)
    {
        var a = new Arguments();
        bool sawStar = false;
        bool sawSlash = false;
        while (!AtOp(close))
        {
            Token t = Cur;
            if (AtOp("/"))
            {
                if (sawSlash)
                {
                    throw ErrorAt(t, "/ may appear only once");
                }
                if (sawStar)
                {
                    throw ErrorAt(t, "/ must be ahead of *");
                }
                if (a.Args.Count == 0)
                {
                    throw ErrorAt(t, "at least one argument must precede /");
                }
                Advance();
                sawSlash = true;
                a.PosonlyArgs = a.Args;
                a.Args = [];
            }
            else if (AtOp("*"))
            {
                if (sawStar)
                {
                    throw new ParseFailure();
                }
                Advance();
                sawStar = true;
                if (AtOp(",") || AtOp(close))
                {
                    if (AtOp(close) || Next.Is(close) || Next.Is("**"))
                    {
                        // def: at the '*' (invalid_star_etc); lambda: at the last token read.
                        throw allowAnnotations ? ErrorAt(t, "named arguments must follow bare *")
                            : ErrorAtLast("named arguments must follow bare *");
                    }
                }
                else
                {
                    a.Vararg = ParseParameter(allowAnnotations);
                }
            }
            else if (AtOp("**"))
            {
                Advance();
                a.Kwarg = ParseParameter(allowAnnotations);
                TryOp(",");
                if (!AtOp(close))
                {
                    throw ErrorAt(Cur, "arguments cannot follow var-keyword argument");
                }
                break;
            }
            else
            {
                Arg p = ParseParameter(allowAnnotations);
                ExprNode? def = TryOp("=") ? ParseExpression() : null;
                if (sawStar)
                {
                    a.KwonlyArgs.Add(p);
                    a.KwDefaults.Add(def);
                }
                else
                {
                    if (def is not null)
                    {
                        a.Defaults.Add(def);
                    }
                    else if (a.Defaults.Count > 0)
                    {
                        throw ErrorAt(p, "non-default argument follows default argument");
                    }
                    a.Args.Add(p);
                }
            }
            if (!TryOp(","))
            {
                break;
            }
        }
        return a;
    }

    private Arg ParseParameter(bool allowAnnotations)
    {
        Token name = ExpectName();
        var arg = new Arg { ArgName = name.Text };
        if (allowAnnotations && TryOp(":"))
        {
            arg.Annotation = AtOp("*") ? ParseStarExpression() : ParseExpression();
        }
        return Finish(arg, name);
    }

    private Lambda ParseLambda()
    {
        Token t = Advance();
        Arguments args = ParseParameters(":", allowAnnotations: false);
        ExpectOp(":");
        ExprNode body = ParseExpression();
        return Finish(new Lambda { Args = args, Body = body }, t);
    }
}
