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
    public static bool TryWrite(BinaryWriter w, CompiledCode code)
    {
        if (code.Warnings.Count > 0)
        {
            return false;
        }

        WriteString(w, code.Name);
        WriteString(w, code.QualName);
        WriteString(w, code.Filename);
        w.Write(code.FirstLine);
        w.Write(code.ArgCount);
        w.Write(code.PosOnlyArgCount);
        w.Write(code.KwOnlyArgCount);
        w.Write(code.Flags);
        w.Write(code.StackSize);
        WriteNullableString(w, code.Docstring);
        WriteStrings(w, code.Names);
        WriteStrings(w, code.VarNames);
        WriteStrings(w, code.CellVars);
        WriteStrings(w, code.FreeVars);
        WriteInts(w, code.CellParams.ToArray());
        WriteInts(w, code.Code);
        WriteInts(w, code.Positions);
        WriteInts(w, code.HandlerOf);
        w.Write(code.Handlers.Length);
        foreach (HandlerEntry h in code.Handlers)
        {
            w.Write(h.Target);
            w.Write(h.Depth);
            w.Write(h.PushLasti);
        }

        w.Write(code.Consts.Count);
        foreach (object? c in code.Consts)
        {
            if (!TryWriteConst(w, c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads what <see cref="TryWrite"/> wrote; throws <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/> on malformed input.</summary>
    public static CompiledCode Read(BinaryReader r)
    {
        var code = new CompiledCode
        {
            Name = ReadString(r),
            QualName = ReadString(r),
            Filename = ReadString(r),
            FirstLine = r.ReadInt32(),
        };
        code.ArgCount = r.ReadInt32();
        code.PosOnlyArgCount = r.ReadInt32();
        code.KwOnlyArgCount = r.ReadInt32();
        code.Flags = r.ReadInt32();
        code.StackSize = r.ReadInt32();
        code.Docstring = ReadNullableString(r);
        ReadStrings(r, code.Names);
        ReadStrings(r, code.VarNames);
        ReadStrings(r, code.CellVars);
        ReadStrings(r, code.FreeVars);
        code.CellParams.AddRange(ReadInts(r));
        code.Code = ReadInts(r);
        code.Positions = ReadInts(r);
        code.HandlerOf = ReadInts(r);
        var handlers = new HandlerEntry[ReadCount(r)];
        for (int i = 0; i < handlers.Length; i++)
        {
            int target = r.ReadInt32();
            int depth = r.ReadInt32();
            handlers[i] = new HandlerEntry(target, depth, r.ReadBoolean());
        }

        code.Handlers = handlers;
        int nconsts = ReadCount(r);
        for (int i = 0; i < nconsts; i++)
        {
            code.Consts.Add(ReadConst(r));
        }

        return code;
    }

    private static bool TryWriteConst(BinaryWriter w, object? c)
    {
        switch (c)
        {
            case null:
                w.Write(TagNone);
                return true;
            case bool b:
                w.Write(b ? TagTrue : TagFalse);
                return true;
            case BigInteger bi:
                w.Write(TagInt);
                byte[] bits = bi.ToByteArray();
                w.Write(bits.Length);
                w.Write(bits);
                return true;
            case double d:
                w.Write(TagFloat);
                w.Write(BitConverter.DoubleToInt64Bits(d));
                return true;
            case string s:
                w.Write(TagStr);
                WriteString(w, s);
                return true;
            case byte[] bytes:
                w.Write(TagBytes);
                w.Write(bytes.Length);
                w.Write(bytes);
                return true;
            case Ellipsis:
                w.Write(TagEllipsis);
                return true;
            case Imaginary im:
                w.Write(TagImaginary);
                w.Write(BitConverter.DoubleToInt64Bits(im.Value));
                return true;
            case ConstTuple t:
                w.Write(TagTuple);
                w.Write(t.Items.Length);
                foreach (object? item in t.Items)
                {
                    if (!TryWriteConst(w, item))
                    {
                        return false;
                    }
                }

                return true;
            case CompiledCode nested:
                w.Write(TagCode);
                return TryWrite(w, nested);
            default:
                return false;
        }
    }

    private static object? ReadConst(BinaryReader r)
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
                return BitConverter.Int64BitsToDouble(r.ReadInt64());
            case TagStr:
                return ReadString(r);
            case TagBytes:
                return ReadBytes(r);
            case TagEllipsis:
                return Ellipsis.Instance;
            case TagImaginary:
                return new Imaginary(BitConverter.Int64BitsToDouble(r.ReadInt64()));
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

    private static int ReadCount(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > r.BaseStream.Length - r.BaseStream.Position)
        {
            throw new InvalidDataException("bad count " + n);
        }

        return n;
    }

    private static byte[] ReadBytes(BinaryReader r)
    {
        int n = ReadCount(r);
        return r.ReadBytes(n);
    }

    // Strings as UTF-16 code units: a UTF-8 round trip would lose lone surrogates.
    private static void WriteString(BinaryWriter w, string s)
    {
        w.Write(s.Length);
        foreach (char c in s)
        {
            w.Write((ushort)c);
        }
    }

    private static string ReadString(BinaryReader r)
    {
        int n = ReadCount(r);
        if (n == 0)
        {
            return "";
        }

        char[] chars = new char[n];
        for (int i = 0; i < n; i++)
        {
            chars[i] = (char)r.ReadUInt16();
        }

        return new string(chars);
    }

    private static void WriteNullableString(BinaryWriter w, string? s)
    {
        w.Write(s != null);
        if (s != null)
        {
            WriteString(w, s);
        }
    }

    private static string? ReadNullableString(BinaryReader r) => r.ReadBoolean() ? ReadString(r) : null;

    private static void WriteStrings(BinaryWriter w, List<string> list)
    {
        w.Write(list.Count);
        foreach (string s in list)
        {
            WriteString(w, s);
        }
    }

    private static void ReadStrings(BinaryReader r, List<string> into)
    {
        int n = ReadCount(r);
        for (int i = 0; i < n; i++)
        {
            into.Add(ReadString(r));
        }
    }

    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        foreach (int v in values)
        {
            w.Write(v);
        }
    }

    private static int[] ReadInts(BinaryReader r)
    {
        int n = ReadCount(r);
        if (n == 0)
        {
            return [];
        }

        int[] values = new int[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = r.ReadInt32();
        }

        return values;
    }
}
