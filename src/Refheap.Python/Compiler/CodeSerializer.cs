using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using Refheap.Python.Syntax;

namespace Refheap.Python.Compiler;

/// <summary>
/// A compact binary form of <see cref="CompiledCode"/> (the compiler's output, before it becomes
/// runtime objects), for the code cache of the embedded library. Reading gives back a tree equal
/// to the one written: every field, every constant (with its exact type, double bits and string
/// code units, lone surrogates included) and every nested code object. Code with compiler
/// warnings is not written (the warnings are issued at compile time).
/// </summary>
internal static class CodeSerializer
{
    private const byte TagNone = 0;
    private const byte TagFalse = 1;
    private const byte TagTrue = 2;
    private const byte TagInt = 3;
    private const byte TagFloat = 4;
    private const byte TagStr = 5;
    private const byte TagBytes = 6;
    private const byte TagEllipsis = 7;
    private const byte TagImaginary = 8;
    private const byte TagTuple = 9;
    private const byte TagCode = 10;

    /// <summary>Writes <paramref name="code"/>; false (and nothing useful written) if it holds something this form cannot carry.</summary>
    public static bool TryWrite(CodeWriter w, CompiledCode code)
    {
        if (code.Warnings.Count > 0)
        {
            return false;
        }

        WriteString(w, code.Name);
        WriteString(w, code.QualName);
        WriteString(w, code.Filename);
        w.WriteInt(code.FirstLine);
        w.WriteInt(code.ArgCount);
        w.WriteInt(code.PosOnlyArgCount);
        w.WriteInt(code.KwOnlyArgCount);
        w.WriteInt(code.Flags);
        w.WriteInt(code.StackSize);
        WriteNullableString(w, code.Docstring);
        WriteStrings(w, code.Names);
        WriteStrings(w, code.VarNames);
        WriteStrings(w, code.CellVars);
        WriteStrings(w, code.FreeVars);
        WriteInts(w, code.CellParams.ToArray());
        WriteInts(w, code.Code);
        WriteInts(w, code.Positions);
        WriteInts(w, code.HandlerOf);
        w.WriteInt(code.Handlers.Length);
        foreach (HandlerEntry h in code.Handlers)
        {
            w.WriteInt(h.Target);
            w.WriteInt(h.Depth);
            w.WriteBool(h.PushLasti);
        }

        w.WriteInt(code.Consts.Count);
        foreach (object? c in code.Consts)
        {
            if (!TryWriteConst(w, c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads what <see cref="TryWrite"/> wrote; throws <see cref="InvalidDataException"/> on malformed input.</summary>
    public static CompiledCode Read(CodeReader r)
    {
        var code = new CompiledCode
        {
            Name = ReadString(r),
            QualName = ReadString(r),
            Filename = ReadString(r),
            FirstLine = r.ReadInt(),
        };
        code.ArgCount = r.ReadInt();
        code.PosOnlyArgCount = r.ReadInt();
        code.KwOnlyArgCount = r.ReadInt();
        code.Flags = r.ReadInt();
        code.StackSize = r.ReadInt();
        code.Docstring = ReadNullableString(r);
        ReadStrings(r, code.Names);
        ReadStrings(r, code.VarNames);
        ReadStrings(r, code.CellVars);
        ReadStrings(r, code.FreeVars);
        foreach (int cell in ReadInts(r))
        {
            // Not AddRange(int[]): that is ICollection<int>.CopyTo, JIT-compiled at every start-up.
            code.CellParams.Add(cell);
        }

        code.Code = ReadInts(r);
        code.Positions = ReadInts(r);
        code.HandlerOf = ReadInts(r);
        var handlers = new HandlerEntry[ReadCount(r)];
        for (int i = 0; i < handlers.Length; i++)
        {
            int target = r.ReadInt();
            int depth = r.ReadInt();
            handlers[i] = new HandlerEntry(target, depth, r.ReadBool());
        }

        code.Handlers = handlers;
        int nconsts = ReadCount(r);
        for (int i = 0; i < nconsts; i++)
        {
            code.Consts.Add(ReadConst(r));
        }

        return code;
    }

    private static bool TryWriteConst(CodeWriter w, object? c)
    {
        switch (c)
        {
            case null:
                w.WriteByte(TagNone);
                return true;
            case bool b:
                w.WriteByte(b ? TagTrue : TagFalse);
                return true;
            case BigInteger bi:
                w.WriteByte(TagInt);
                byte[] bits = bi.ToByteArray();
                w.WriteBytes(bits);
                return true;
            case double d:
                w.WriteByte(TagFloat);
                w.WriteLong(BitConverter.DoubleToInt64Bits(d));
                return true;
            case string s:
                w.WriteByte(TagStr);
                WriteString(w, s);
                return true;
            case byte[] bytes:
                w.WriteByte(TagBytes);
                w.WriteBytes(bytes);
                return true;
            case Ellipsis:
                w.WriteByte(TagEllipsis);
                return true;
            case Imaginary im:
                w.WriteByte(TagImaginary);
                w.WriteLong(BitConverter.DoubleToInt64Bits(im.Value));
                return true;
            case ConstTuple t:
                w.WriteByte(TagTuple);
                w.WriteInt(t.Items.Length);
                foreach (object? item in t.Items)
                {
                    if (!TryWriteConst(w, item))
                    {
                        return false;
                    }
                }

                return true;
            case CompiledCode nested:
                w.WriteByte(TagCode);
                return TryWrite(w, nested);
            default:
                return false;
        }
    }

    private static object? ReadConst(CodeReader r)
    {
        byte tag = r.ReadByte();
        switch (tag)
        {
            case TagNone:
                return null;
            case TagFalse:
                return false;
            case TagTrue:
                return true;
            case TagInt:
                return new BigInteger(ReadBytes(r));
            case TagFloat:
                return BitConverter.Int64BitsToDouble(r.ReadLong());
            case TagStr:
                return ReadString(r);
            case TagBytes:
                return ReadBytes(r);
            case TagEllipsis:
                return Ellipsis.Instance;
            case TagImaginary:
                return new Imaginary(BitConverter.Int64BitsToDouble(r.ReadLong()));
            case TagTuple:
                var items = new object?[ReadCount(r)];
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = ReadConst(r);
                }

                return new ConstTuple(items);
            case TagCode:
                return Read(r);
            default:
                throw new InvalidDataException("bad constant tag " + tag);
        }
    }

    private static int ReadCount(CodeReader r) => r.ReadCount();

    private static byte[] ReadBytes(CodeReader r) => r.ReadBytes();

    private static void WriteString(CodeWriter w, string s) => w.WriteString(s);

    private static string ReadString(CodeReader r) => r.ReadString();

    private static void WriteNullableString(CodeWriter w, string? s)
    {
        w.WriteBool(s != null);
        if (s != null)
        {
            WriteString(w, s);
        }
    }

    private static string? ReadNullableString(CodeReader r) => r.ReadBool() ? ReadString(r) : null;

    private static void WriteStrings(CodeWriter w, List<string> list)
    {
        w.WriteInt(list.Count);
        foreach (string s in list)
        {
            WriteString(w, s);
        }
    }

    private static void ReadStrings(CodeReader r, List<string> into)
    {
        int n = ReadCount(r);
        for (int i = 0; i < n; i++)
        {
            into.Add(ReadString(r));
        }
    }

    private static void WriteInts(CodeWriter w, int[] values)
    {
        w.WriteInt(values.Length);
        foreach (int v in values)
        {
            w.WriteInt(v);
        }
    }

    private static int[] ReadInts(CodeReader r)
    {
        int n = ReadCount(r);
        if (n == 0)
        {
            return [];
        }

        int[] values = new int[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = r.ReadInt();
        }

        return values;
    }
}
