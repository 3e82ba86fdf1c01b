using System;
using System.Collections.Generic;
using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

/// <summary>A jump target, placed once; jumps to it are patched when the code is finished.</summary>
internal sealed class Label
{
    public int Offset = -1;

    /// <summary>The stack depth on arrival, once known (-1 before).</summary>
    public int Depth = -1;
}

/// <summary>An exception handler: where to go, and the stack depth to unwind to first.</summary>
public readonly record struct HandlerEntry(int Target, int Depth, bool PushLasti);

/// <summary>
/// Emits the instructions of one code object: labels and back-patched jumps, the source
/// position of every instruction, the handler in force at every instruction (3.11's
/// exception table, kept per instruction), and the maximum stack depth.
/// Invariant: the depth tracked here is the depth before the next instruction runs; code
/// after an unconditional transfer is unreachable until a label with a known depth is placed.
/// </summary>
internal sealed class CodeBuilder
{
    private readonly List<int> _code = new();
    private readonly List<int> _positions = new();
    private readonly List<int> _handlerOf = new();
    // Lists of classes and an IntStack rather than lists of value tuples and a Stack<int>: the
    // framework's collections over value types are JIT-compiled in every process that compiles.
    private readonly List<JumpFixup> _fixups = new();
    private readonly List<HandlerSpec> _handlers = new();
    private readonly Runtime.IntStack _handlerStack = new();
    private int _depth;
    private bool _reachable = true;

    public int MaxDepth { get; private set; }

    public int Depth => _depth;

    /// <summary>The position stamped on instructions emitted now (line, end line, column, end column).</summary>
    public (int Line, int EndLine, int Col, int EndCol) Position { get; set; }

    public int Count => _code.Count;

    public void SetPosition(Node n) => Position = (n.Lineno, n.EndLineno, n.ColOffset, n.EndColOffset);

    public void Emit(OpCode op, int arg = 0)
    {
        if (arg < 0 || arg > 0xFFFFFF)
        {
            throw new InvalidOperationException($"instruction argument out of range: {op} {arg}");
        }

        _code.Add((arg << 8) | (int)op);
        _positions.Add(Position.Line);
        _positions.Add(Position.EndLine);
        _positions.Add(Position.Col);
        _positions.Add(Position.EndCol);
        _handlerOf.Add(_handlerStack.Count == 0 ? -1 : _handlerStack.Peek());
        AdjustDepth(StackEffect(op, arg));
        if (op is OpCode.ReturnValue or OpCode.RaiseVarargs or OpCode.Reraise or OpCode.Jump)
        {
            _reachable = false;
        }
    }

    public void EmitJump(OpCode op, Label target)
    {
        int depthAtJump = op switch
        {
            OpCode.PopJumpIfFalse or OpCode.PopJumpIfTrue or OpCode.PopJumpIfNone or OpCode.PopJumpIfNotNone => _depth - 1,
            OpCode.JumpIfFalseOrPop or OpCode.JumpIfTrueOrPop => _depth,
            OpCode.ForIter => _depth - 1,
            OpCode.Send => _depth - 1,
            _ => _depth,
        };
        NoteDepth(target, depthAtJump);
        _fixups.Add(new JumpFixup(_code.Count, target));
        Emit(op, 0);
    }

    private static void NoteDepth(Label target, int depth)
    {
        if (target.Depth < 0)
        {
            target.Depth = depth;
        }
    }

    public void Place(Label label)
    {
        if (label.Offset >= 0)
        {
            throw new InvalidOperationException("label placed twice");
        }

        label.Offset = _code.Count;
        if (!_reachable && label.Depth >= 0)
        {
            _depth = label.Depth;
        }
        else if (label.Depth < 0)
        {
            label.Depth = _depth;
        }

        _reachable = true;
    }

    /// <summary>Sets the depth explicitly (after code whose effect the builder cannot see).</summary>
    public void SetDepth(int depth)
    {
        _depth = depth;
        MaxDepth = Math.Max(MaxDepth, depth);
    }

    private void AdjustDepth(int delta)
    {
        _depth += delta;
        if (_depth < 0)
        {
            _depth = 0;
        }

        MaxDepth = Math.Max(MaxDepth, _depth);
    }

    /// <summary>
    /// Starts a protected range: an exception inside it unwinds the stack to the current depth
    /// (minus <paramref name="popBelow"/>), pushes the exception and jumps to <paramref name="handler"/>.
    /// </summary>
    public void PushHandler(Label handler, bool lasti = false, int popBelow = 0)
    {
        int depth = _depth - popBelow;
        _handlers.Add(new HandlerSpec(handler, depth, lasti));
        NoteDepth(handler, depth + 1 + (lasti ? 1 : 0));
        _handlerStack.Push(_handlers.Count - 1);
        MaxDepth = Math.Max(MaxDepth, depth + 2);
    }

    public void PopHandler() => _handlerStack.Pop();

    /// <summary>The handlers in force, innermost first (to restore after an early exit's cleanup code).</summary>
    public int[] SaveHandlers() => _handlerStack.ToArray();

    public void RestoreHandlers(int[] saved)
    {
        _handlerStack.Clear();
        for (int i = saved.Length - 1; i >= 0; i--)
        {
            _handlerStack.Push(saved[i]);
        }
    }

    public int[] Instructions()
    {
        foreach ((int index, Label target) in _fixups)
        {
            if (target.Offset < 0)
            {
                throw new InvalidOperationException("jump to a label never placed");
            }

            _code[index] = (target.Offset << 8) | (_code[index] & 0xFF);
        }

        _fixups.Clear();
        return _code.ToArray();
    }

    public int[] Positions() => _positions.ToArray();

    public int[] HandlerOf() => _handlerOf.ToArray();

    public HandlerEntry[] Handlers()
    {
        var result = new HandlerEntry[_handlers.Count];
        for (int i = 0; i < result.Length; i++)
        {
            (Label target, int depth, bool lasti) = _handlers[i];
            result[i] = new HandlerEntry(target.Offset, depth, lasti);
        }

        return result;
    }

    /// <summary>The stack effect of an instruction when it falls through.</summary>
    public static int StackEffect(OpCode op, int arg) => op switch
    {
        OpCode.Nop => 0,
        OpCode.PopTop => -1,
        OpCode.Copy => 1,
        OpCode.Swap => 0,
        OpCode.PushNull => 1,
        OpCode.LoadConst or OpCode.LoadFast or OpCode.LoadDeref or OpCode.LoadClosure or OpCode.LoadClassDeref
            or OpCode.LoadName or OpCode.LoadGlobal => 1,
        OpCode.StoreFast or OpCode.StoreDeref or OpCode.StoreName or OpCode.StoreGlobal => -1,
        OpCode.DeleteFast or OpCode.DeleteDeref or OpCode.DeleteName or OpCode.DeleteGlobal or OpCode.ClearFast => 0,
        OpCode.LoadAttr => 0,
        OpCode.StoreAttr => -2,
        OpCode.DeleteAttr => -1,
        OpCode.LoadMethod => 1,
        OpCode.BinaryOp => -1,
        OpCode.UnaryPositive or OpCode.UnaryNegative or OpCode.UnaryNot or OpCode.UnaryInvert => 0,
        OpCode.CompareOp or OpCode.IsOp or OpCode.ContainsOp => -1,
        OpCode.BinarySubscr => -1,
        OpCode.StoreSubscr => -3,
        OpCode.DeleteSubscr => -2,
        OpCode.BuildSlice => 1 - arg,
        OpCode.BuildTuple or OpCode.BuildList or OpCode.BuildSet or OpCode.BuildString => 1 - arg,
        OpCode.BuildMap => 1 - (2 * arg),
        OpCode.BuildConstKeyMap => -arg,
        OpCode.ListAppend or OpCode.SetAdd or OpCode.ListExtend or OpCode.SetUpdate or OpCode.DictUpdate or OpCode.DictMerge => -1,
        OpCode.MapAdd => -2,
        OpCode.ListToTuple => 0,
        OpCode.FormatValue => (arg & 4) != 0 ? -1 : 0,
        OpCode.UnpackSequence => arg - 1,
        OpCode.UnpackEx => (arg & 0xFF) + (arg >> 8),
        OpCode.Jump => 0,
        OpCode.PopJumpIfFalse or OpCode.PopJumpIfTrue or OpCode.PopJumpIfNone or OpCode.PopJumpIfNotNone => -1,
        OpCode.JumpIfFalseOrPop or OpCode.JumpIfTrueOrPop => -1,
        OpCode.GetIter => 0,
        OpCode.ForIter => 1,
        OpCode.KwNames => 0,
        OpCode.Call => -arg - 1,
        OpCode.CallFunctionEx => (arg & 1) != 0 ? -3 : -2,
        OpCode.MakeFunction => -PopCount(arg & 15),
        OpCode.ReturnValue => -1,
        OpCode.YieldValue => 0,
        OpCode.GetYieldFromIter => 0,
        OpCode.Send => 0,
        OpCode.RaiseVarargs => -arg,
        OpCode.Reraise => -1,
        OpCode.PushExcInfo => 1,
        OpCode.PopExcept => -1,
        OpCode.CheckExcMatch => 0,
        OpCode.WithExceptStart => 1,
        OpCode.BeforeWith => 1,
        OpCode.SetupAnnotations => 0,
        OpCode.ImportName => -1,
        OpCode.ImportFrom => 1,
        OpCode.ImportStar => -1,
        OpCode.LoadBuildClass => 1,
        OpCode.LoadAssertionError => 1,
        OpCode.GenStart => 0,
        OpCode.StopIterationError => 0,
        OpCode.LoadLocals => 1,
        OpCode.CheckEgMatch => 0,
        OpCode.PrepReraiseStar => -1,
        _ => throw new InvalidOperationException($"no stack effect for {op}"),
    };

    private static int PopCount(int x) => System.Numerics.BitOperations.PopCount((uint)x);
}

/// <summary>A jump whose target offset is patched in once every label is placed.</summary>
internal sealed record JumpFixup(int Index, Label Target);

/// <summary>An exception handler as the builder records it: its label, stack depth and whether it pushes lasti.</summary>
internal sealed record HandlerSpec(Label Target, int Depth, bool Lasti);
