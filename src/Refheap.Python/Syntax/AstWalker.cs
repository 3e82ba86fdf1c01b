using System.Collections.Generic;

namespace Refheap.Python.Syntax;

/// <summary>Generic traversal: a node's direct children in `ast` field order.</summary>
public static class AstWalker
{
    public static IEnumerable<Node> Children(Node node)
    {
        var list = new List<Node>(4);
        AddChildren(node, list);
        return list;
    }

    /// <summary>Every node in pre-order (node, then its children in field order), without recursion.</summary>
    public static IEnumerable<Node> PreOrder(Node root)
    {
        var stack = new Stack<Node>();
        stack.Push(root);
        var buffer = new List<Node>();
        while (stack.Count > 0)
        {
            Node n = stack.Pop();
            yield return n;
            buffer.Clear();
            AddChildren(n, buffer);
            for (int i = buffer.Count - 1; i >= 0; i--)
            {
                stack.Push(buffer[i]);
            }
        }
    }

    private static void Add(List<Node> list, Node? n)
    {
        if (n is not null)
        {
            list.Add(n);
        }
    }

    private static void AddAll<T>(List<Node> list, List<T> nodes)
        where T : Node?
    {
        foreach (T n in nodes)
        {
            Add(list, n);
        }
    }

    internal static void AddChildren(Node node, List<Node> l)
    {
        switch (node)
        {
            case FunctionDef f:
                Add(l, f.Args); AddAll(l, f.Body); AddAll(l, f.DecoratorList); Add(l, f.Returns);
                break;
            case ClassDef c:
                AddAll(l, c.Bases); AddAll(l, c.Keywords); AddAll(l, c.Body); AddAll(l, c.DecoratorList);
                break;
            case Return r:
                Add(l, r.Value);
                break;
            case Delete d:
                AddAll(l, d.Targets);
                break;
            case Assign a:
                AddAll(l, a.Targets); Add(l, a.Value);
                break;
            case AugAssign a:
                Add(l, a.Target); Add(l, a.Value);
                break;
            case AnnAssign a:
                Add(l, a.Target); Add(l, a.Annotation); Add(l, a.Value);
                break;
            case For f:
                Add(l, f.Target); Add(l, f.Iter); AddAll(l, f.Body); AddAll(l, f.Orelse);
                break;
            case While w:
                Add(l, w.Test); AddAll(l, w.Body); AddAll(l, w.Orelse);
                break;
            case If i:
                Add(l, i.Test); AddAll(l, i.Body); AddAll(l, i.Orelse);
                break;
            case With w:
                AddAll(l, w.Items); AddAll(l, w.Body);
                break;
            case Raise r:
                Add(l, r.Exc); Add(l, r.Cause);
                break;
            case Try t:
                AddAll(l, t.Body); AddAll(l, t.Handlers); AddAll(l, t.Orelse); AddAll(l, t.Finalbody);
                break;
            case TryStar t:
                AddAll(l, t.Body); AddAll(l, t.Handlers); AddAll(l, t.Orelse); AddAll(l, t.Finalbody);
                break;
            case Assert a:
                Add(l, a.Test); Add(l, a.Msg);
                break;
            case Import i:
                AddAll(l, i.Names);
                break;
            case ImportFrom i:
                AddAll(l, i.Names);
                break;
            case ExprStmt e:
                Add(l, e.Value);
                break;
            case BoolOp b:
                AddAll(l, b.Values);
                break;
            case NamedExpr n:
                Add(l, n.Target); Add(l, n.Value);
                break;
            case BinOp b:
                Add(l, b.Left); Add(l, b.Right);
                break;
            case UnaryOp u:
                Add(l, u.Operand);
                break;
            case Lambda f:
                Add(l, f.Args); Add(l, f.Body);
                break;
            case IfExp i:
                Add(l, i.Test); Add(l, i.Body); Add(l, i.Orelse);
                break;
            case DictExpr d:
                AddAll(l, d.Keys); AddAll(l, d.Values);
                break;
            case SetExpr s:
                AddAll(l, s.Elts);
                break;
            case ListComp c:
                Add(l, c.Elt); AddAll(l, c.Generators);
                break;
            case SetComp c:
                Add(l, c.Elt); AddAll(l, c.Generators);
                break;
            case DictComp c:
                Add(l, c.Key); Add(l, c.Value); AddAll(l, c.Generators);
                break;
            case GeneratorExp c:
                Add(l, c.Elt); AddAll(l, c.Generators);
                break;
            case Yield y:
                Add(l, y.Value);
                break;
            case YieldFrom y:
                Add(l, y.Value);
                break;
            case Compare c:
                Add(l, c.Left); AddAll(l, c.Comparators);
                break;
            case Call c:
                Add(l, c.Func); AddAll(l, c.Args); AddAll(l, c.Keywords);
                break;
            case FormattedValue f:
                Add(l, f.Value); Add(l, f.FormatSpec);
                break;
            case JoinedStr j:
                AddAll(l, j.Values);
                break;
            case AttributeExpr a:
                Add(l, a.Value);
                break;
            case Subscript s:
                Add(l, s.Value); Add(l, s.Slice);
                break;
            case Starred s:
                Add(l, s.Value);
                break;
            case ListExpr e:
                AddAll(l, e.Elts);
                break;
            case TupleExpr e:
                AddAll(l, e.Elts);
                break;
            case Slice s:
                Add(l, s.Lower); Add(l, s.Upper); Add(l, s.Step);
                break;
            case Arguments a:
                AddAll(l, a.PosonlyArgs); AddAll(l, a.Args); Add(l, a.Vararg); AddAll(l, a.KwonlyArgs);
                AddAll(l, a.KwDefaults); Add(l, a.Kwarg); AddAll(l, a.Defaults);
                break;
            case Arg a:
                Add(l, a.Annotation);
                break;
            case Keyword k:
                Add(l, k.Value);
                break;
            case WithItem w:
                Add(l, w.ContextExpr); Add(l, w.OptionalVars);
                break;
            case ExceptHandler h:
                Add(l, h.Type); AddAll(l, h.Body);
                break;
            case Comprehension c:
                Add(l, c.Target); Add(l, c.Iter); AddAll(l, c.Ifs);
                break;
            default:
                break;
        }
    }
}
