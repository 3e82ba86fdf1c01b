using System.Collections.Generic;
using System.Text;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Printing exception groups as 3.11's C printer does (Python/pythonrun.c: print_exception_group):
// the group's own traceback under "  + Exception Group Traceback", then each member in a box
// "+-+---------------- N ----------------", every line indented two columns per nesting level
// with a "| " margin; at most 15 members ("and N more exceptions") and 10 levels
// ("... (max_group_depth is 10)"); one closing line after the last member.
internal sealed unsafe partial class Interpreter
{
    private const int MaxGroupWidth = 15;
    private const int MaxGroupDepth = 10;

    /// <summary>exception_print_context: the exceptions already shown, the group depth, whether a box is still open.</summary>
    private sealed class PrintContext(HashSet<nint> seen)
    {
        public HashSet<nint> Seen { get; } = seen;

        public int Depth { get; set; }

        public bool NeedClose { get; set; }

        /// <summary>The indent and margin that start every line at this depth.</summary>
        public string Margin => Depth == 0 ? "" : new string(' ', 2 * Depth) + "| ";
    }

    private void FormatExceptionGroup(PyObject* exc, StringBuilder sb, PrintContext ctx)
    {
        if (ctx.Depth > MaxGroupDepth)
        {
            sb.Append(ctx.Margin).Append("... (max_group_depth is ").Append(MaxGroupDepth).Append(")\n");
            return;
        }

        if (ctx.Depth == 0)
        {
            ctx.Depth = 1;
        }

        FormatOne(exc, sb, ctx);
        PyObject* excs = ((PyBaseExceptionGroupObject*)exc)->Excs;
        nint count = excs == null ? 0 : PyRuntime.TupleSize(excs);
        nint shown = count <= MaxGroupWidth ? count : MaxGroupWidth + 1;
        ctx.NeedClose = false;
        for (nint i = 0; i < shown; i++)
        {
            bool last = i == shown - 1;
            if (last)
            {
                // A nested group that is the last member closes the box itself.
                ctx.NeedClose = true;
            }

            sb.Append(' ', 2 * ctx.Depth).Append(i == 0 ? "+-" : "  ");
            if (i < MaxGroupWidth)
            {
                sb.Append("+---------------- ").Append(i + 1).Append(" ----------------\n");
            }
            else
            {
                sb.Append("+---------------- ... ----------------\n");
            }

            ctx.Depth++;
            if (i < MaxGroupWidth)
            {
                FormatExceptionRecursive(PyRuntime.TupleItems(excs)[i], sb, ctx);
            }
            else
            {
                nint remaining = count - MaxGroupWidth;
                sb.Append(ctx.Margin).Append("and ").Append(remaining).Append(" more exception").Append(remaining > 1 ? "s" : "").Append('\n');
            }

            if (last && ctx.NeedClose)
            {
                sb.Append(' ', 2 * ctx.Depth).Append("+------------------------------------\n");
                ctx.NeedClose = false;
            }

            ctx.Depth--;
        }

        if (ctx.Depth == 1)
        {
            ctx.Depth = 0;
        }
    }
}
