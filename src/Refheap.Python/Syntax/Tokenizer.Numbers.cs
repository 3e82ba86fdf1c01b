namespace Refheap.Python.Syntax;

/// <summary>Numeric literals, after Parser/tokenizer.c (3.11): underscores only between digits,
/// 0x/0o/0b, no leading zeros in decimals, fractions, exponents, imaginary suffix, and the
/// "invalid ... literal" errors when a literal runs into an identifier character.</summary>
internal sealed partial class Tokenizer
{
    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private Token ReadNumber(int start)
    {
        char c = _text[_pos];
        if (c == '.')
        {
            _pos++;
            ReadFraction();
            return FinishNumber(start);
        }
        if (c == '0')
        {
            _pos++;
            c = Cur;
            if (c is 'x' or 'X')
            {
                _pos++;
                ReadRadixDigits(IsHexDigit, "hexadecimal", 16);
                VerifyEndOfNumber("hexadecimal");
                return FinishNumber(start);
            }
            if (c is 'o' or 'O')
            {
                _pos++;
                ReadRadixDigits(ch => ch is >= '0' and <= '7', "octal", 8);
                VerifyEndOfNumber("octal");
                return FinishNumber(start);
            }
            if (c is 'b' or 'B')
            {
                _pos++;
                ReadRadixDigits(ch => ch is '0' or '1', "binary", 2);
                VerifyEndOfNumber("binary");
                return FinishNumber(start);
            }
            // Zeros, maybe with underscores; then maybe a (disallowed) old-style octal.
            bool nonZero = false;
            while (true)
            {
                if (Cur == '_')
                {
                    _pos++;
                    if (!IsDigit(Cur))
                    {
                        throw Error("invalid decimal literal", _pos, _pos);
                    }
                }
                if (Cur != '0')
                {
                    break;
                }
                _pos++;
            }
            int zerosEnd = _pos + 1;
            if (IsDigit(Cur))
            {
                nonZero = true;
                ReadDecimalTail();
            }
            if (Cur == '.')
            {
                _pos++;
                ReadFraction();
                return FinishNumber(start);
            }
            if (Cur is 'e' or 'E')
            {
                ReadExponent();
                return FinishNumber(start);
            }
            if (Cur is 'j' or 'J')
            {
                _pos++;
                VerifyEndOfNumber("imaginary");
                return FinishNumber(start);
            }
            if (nonZero)
            {
                throw Error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    start + 1, zerosEnd);
            }
            VerifyEndOfNumber("decimal");
            return FinishNumber(start);
        }
        ReadDecimalTail();
        if (Cur == '.')
        {
            _pos++;
            ReadFraction();
            return FinishNumber(start);
        }
        if (Cur is 'e' or 'E')
        {
            ReadExponent();
            return FinishNumber(start);
        }
        if (Cur is 'j' or 'J')
        {
            _pos++;
            VerifyEndOfNumber("imaginary");
            return FinishNumber(start);
        }
        VerifyEndOfNumber("decimal");
        return FinishNumber(start);
    }

    private Token FinishNumber(int start) => MakeToken(TokenKind.Number, _text[start.._pos], start, _pos);

    /// <summary>After a '.', the fraction digits, exponent and imaginary suffix.</summary>
    private void ReadFraction()
    {
        if (IsDigit(Cur))
        {
            ReadDecimalTail();
        }
        if (Cur is 'e' or 'E')
        {
            ReadExponent();
            return;
        }
        if (Cur is 'j' or 'J')
        {
            _pos++;
            VerifyEndOfNumber("imaginary");
            return;
        }
        VerifyEndOfNumber("decimal");
    }

    private void ReadExponent()
    {
        int e = _pos;
        _pos++;
        if (Cur is '+' or '-')
        {
            _pos++;
            if (!IsDigit(Cur))
            {
                throw Error("invalid decimal literal", _pos, _pos);
            }
        }
        else if (!IsDigit(Cur))
        {
            // "1e" followed by something else: the number ends before the 'e'.
            _pos = e;
            VerifyEndOfNumber("decimal");
            return;
        }
        ReadDecimalTail();
        if (Cur is 'j' or 'J')
        {
            _pos++;
            VerifyEndOfNumber("imaginary");
            return;
        }
        VerifyEndOfNumber("decimal");
    }

    /// <summary>Digits with single underscores between them (Parser/tokenizer.c tok_decimal_tail).</summary>
    private void ReadDecimalTail()
    {
        while (true)
        {
            while (IsDigit(Cur))
            {
                _pos++;
            }
            if (Cur != '_')
            {
                return;
            }
            _pos++;
            if (!IsDigit(Cur))
            {
                throw Error("invalid decimal literal", _pos, _pos);
            }
        }
    }

    private void ReadRadixDigits(System.Func<char, bool> isDigit, string kind, int radix)
    {
        do
        {
            if (Cur == '_')
            {
                _pos++;
            }
            if (!isDigit(Cur))
            {
                if (radix != 16 && IsDigit(Cur))
                {
                    throw Error($"invalid digit '{Cur}' in {kind} literal", _pos + 1, _pos + 1);
                }
                throw Error($"invalid {kind} literal", _pos, _pos);
            }
            while (isDigit(Cur))
            {
                _pos++;
            }
        }
        while (Cur == '_');
        if (radix != 16 && IsDigit(Cur))
        {
            throw Error($"invalid digit '{Cur}' in {kind} literal", _pos + 1, _pos + 1);
        }
    }

    /// <summary>Parser/tokenizer.c verify_end_of_number (3.11): a literal directly followed by an
    /// identifier character is an error, except before the keywords that may follow a number
    /// (and, else, for, if, in, is, not, or), which 3.11 only warns about (the warning is not
    /// emitted here).</summary>
    private void VerifyEndOfNumber(string kind)
    {
        char c = Cur;
        bool keyword = c switch
        {
            'a' => Lookahead("nd"),
            'e' => Lookahead("lse"),
            'f' => Lookahead("or"),
            'i' => PeekAt(1) is 'f' or 'n' or 's',
            'o' => Lookahead("r"),
            'n' => Lookahead("ot"),
            _ => false,
        };
        if (!keyword && _pos < _text.Length && IsPotentialIdentifierChar(c))
        {
            throw Error($"invalid {kind} literal", _pos, _pos);
        }
    }

    private bool Lookahead(string rest) =>
        string.CompareOrdinal(_text, _pos + 1, rest, 0, rest.Length) == 0;
}
