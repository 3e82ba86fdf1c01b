using System;
using System.Collections.Generic;
using System.Numerics;

namespace Refheap.Python.Lib;

/// <summary>The Python-level algorithms of Lib/random.py (3.11), drawing exactly as CPython does.</summary>
public sealed partial class MersenneTwister
{
    // Lib/random.py, 3.11: module constants.
    private static readonly double s_nvMagicConst = 4 * Math.Exp(-0.5) / Math.Sqrt(2.0);
    private static readonly double s_twoPi = 2.0 * Math.PI;
    private static readonly double s_log4 = Math.Log(4.0);
    private static readonly double s_sgMagicConst = 1.0 + Math.Log(4.5);

    /// <summary>
    /// <c>_randbelow(n)</c> for n &gt; 0 (Lib/random.py, 3.11: _randbelow_with_getrandbits): draw
    /// <c>getrandbits(n.bit_length())</c> until the draw is below n. n &lt;= 0 is the caller's error.
    /// </summary>
    public BigInteger RandBelow(BigInteger n)
    {
        if (n.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "RandBelow is defined for n > 0");
        }

        if (n <= long.MaxValue)
        {
            return RandBelow((long)n);
        }

        int k = (int)n.GetBitLength();
        BigInteger r = GetRandBits(k);
        while (r >= n)
        {
            r = GetRandBits(k);
        }

        return r;
    }

    /// <summary><see cref="RandBelow(BigInteger)"/> without BigInteger arithmetic (the same draws).</summary>
    public long RandBelow(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        int k = 64 - BitOperations.LeadingZeroCount((ulong)n);
        ulong r = GetRandBits64(k);
        while (r >= (ulong)n)
        {
            r = GetRandBits64(k);
        }

        return (long)r;
    }

    /// <summary><c>randrange(stop)</c> (integer arguments; the VM applies 3.11's non-integer deprecation first).</summary>
    public BigInteger RandRange(BigInteger stop)
    {
        if (stop.Sign > 0)
        {
            return RandBelow(stop);
        }

        throw new PythonLibException(PythonErrorKind.ValueError, "empty range for randrange()");
    }

    /// <summary><c>randrange(start, stop, step)</c> with Lib/random.py 3.11's checks and messages.</summary>
    public BigInteger RandRange(BigInteger start, BigInteger stop, BigInteger step)
    {
        BigInteger width = stop - start;
        if (step.IsOne)
        {
            if (width.Sign > 0)
            {
                return start + RandBelow(width);
            }

            throw new PythonLibException(
                PythonErrorKind.ValueError,
                $"empty range for randrange() ({start}, {stop}, {width})");
        }

        BigInteger n;
        if (step.Sign > 0)
        {
            n = FloorDiv(width + step - 1, step);
        }
        else if (step.Sign < 0)
        {
            n = FloorDiv(width + step + 1, step);
        }
        else
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "zero step for randrange()");
        }

        if (n.Sign <= 0)
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "empty range for randrange()");
        }

        return start + (step * RandBelow(n));
    }

    /// <summary><c>randrange(start, stop)</c>.</summary>
    public BigInteger RandRange(BigInteger start, BigInteger stop) => RandRange(start, stop, BigInteger.One);

    /// <summary><c>randint(a, b)</c> = <c>randrange(a, b + 1)</c>.</summary>
    public BigInteger RandInt(BigInteger a, BigInteger b) => RandRange(a, b + 1, BigInteger.One);

    /// <summary><c>choice(seq)</c>: the index chosen in a sequence of <paramref name="count"/> items.</summary>
    public int Choice(int count)
    {
        if (count <= 0)
        {
            throw new PythonLibException(PythonErrorKind.IndexError, "Cannot choose from an empty sequence");
        }

        return (int)RandBelow((long)count);
    }

    /// <summary><c>shuffle(x)</c> in place (Lib/random.py, 3.11: Fisher-Yates from the end with _randbelow).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = (int)RandBelow((long)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The permutation <c>shuffle(list(range(n)))</c> leaves: element i of the result is the old index at i.</summary>
    public int[] ShufflePermutation(int n)
    {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++)
        {
            perm[i] = i;
        }

        Shuffle<int>(perm);
        return perm;
    }

    /// <summary>
    /// <c>sample(population, k)</c> for a population of <paramref name="n"/> items: the chosen indices in selection
    /// order. 3.11 uses a pool when <c>n &lt;= setsize</c> and rejection against a set otherwise.
    /// </summary>
    public int[] Sample(int n, int k)
    {
        long[] picks = Sample((long)n, k);
        int[] result = new int[picks.Length];
        for (int i = 0; i < picks.Length; i++)
        {
            result[i] = (int)picks[i];
        }

        return result;
    }

    /// <summary><see cref="Sample(int, int)"/> for a population as large as <c>range(n)</c> with a long n.</summary>
    public long[] Sample(long n, int k)
    {
        if (k < 0 || k > n)
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "Sample larger than population or is negative");
        }

        long[] result = new long[k];

        // Lib/random.py, 3.11: setsize = 21, plus 4 ** ceil(log(k * 3, 4)) when k > 5 (math.log(x, b) is
        // log(x) / log(b) in doubles).
        BigInteger setSize = 21;
        if (k > 5)
        {
            setSize += BigInteger.Pow(4, (int)Math.Ceiling(Math.Log(k * 3.0) / Math.Log(4.0)));
        }

        if (n <= setSize)
        {
            long[] pool = new long[n];
            for (long i = 0; i < n; i++)
            {
                pool[i] = i;
            }

            for (int i = 0; i < k; i++)
            {
                long j = RandBelow(n - i);
                result[i] = pool[j];
                pool[j] = pool[n - i - 1];
            }
        }
        else
        {
            var selected = new HashSet<long>();
            for (int i = 0; i < k; i++)
            {
                long j = RandBelow(n);
                while (!selected.Add(j))
                {
                    j = RandBelow(n);
                }

                result[i] = j;
            }
        }

        return result;
    }

    /// <summary>
    /// <c>sample(population, k, counts=counts)</c>: indices into the population (Lib/random.py, 3.11: a sample
    /// of <c>range(total)</c> mapped through bisect_right over the running totals).
    /// </summary>
    public int[] Sample(ReadOnlySpan<long> counts, int k)
    {
        long[] cumulative = new long[counts.Length];
        long total = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            total += counts[i];
            cumulative[i] = total;
        }

        if (counts.Length == 0 || total <= 0)
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "Total of counts must be greater than zero");
        }

        long[] picks = Sample(total, k);
        int[] result = new int[k];
        for (int i = 0; i < k; i++)
        {
            // bisect over cum_counts without its last element (random.py pops the total).
            result[i] = BisectRight(cumulative.AsSpan(0, counts.Length - 1), picks[i]);
        }

        return result;
    }

    /// <summary>
    /// <c>choices(population, k=k)</c> without weights: indices <c>floor(random() * n)</c>. An empty population
    /// with k &gt; 0 fails as CPython's indexing does.
    /// </summary>
    public int[] Choices(int n, int k)
    {
        int[] result = new int[Math.Max(k, 0)];
        double size = n;
        for (int i = 0; i < result.Length; i++)
        {
            double index = Math.Floor(Random() * size);
            if (n == 0)
            {
                throw new PythonLibException(PythonErrorKind.IndexError, "list index out of range");
            }

            result[i] = (int)index;
        }

        return result;
    }

    /// <summary>
    /// <c>choices(population, cum_weights=cumulativeWeights, k=k)</c>: bisect_right of <c>random() * total</c>
    /// over the cumulative weights, hi = n - 1. (Weights given as <c>weights=</c> are accumulated by the caller:
    /// CPython sums them with Python's + first, exact for ints.)
    /// </summary>
    public int[] Choices(ReadOnlySpan<double> cumulativeWeights, int k)
    {
        int n = cumulativeWeights.Length;
        if (n == 0)
        {
            // cum_weights[-1] on an empty list.
            throw new PythonLibException(PythonErrorKind.IndexError, "list index out of range");
        }

        double total = cumulativeWeights[n - 1] + 0.0;
        if (total <= 0.0)
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "Total of weights must be greater than zero");
        }

        if (!double.IsFinite(total))
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "Total of weights must be finite");
        }

        int[] result = new int[Math.Max(k, 0)];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = BisectRight(cumulativeWeights[..(n - 1)], Random() * total);
        }

        return result;
    }

    /// <summary><c>uniform(a, b)</c> = <c>a + (b - a) * random()</c>.</summary>
    public double Uniform(double a, double b) => a + ((b - a) * Random());

    /// <summary><c>triangular(low, high, mode)</c>; a null mode is None (c = 0.5).</summary>
    public double Triangular(double low = 0.0, double high = 1.0, double? mode = null)
    {
        double u = Random();
        double c;
        if (mode is null)
        {
            c = 0.5;
        }
        else
        {
            if (high - low == 0.0)
            {
                return low; // ZeroDivisionError is caught by random.py
            }

            c = (mode.Value - low) / (high - low);
        }

        if (u > c)
        {
            u = 1.0 - u;
            c = 1.0 - c;
            (low, high) = (high, low);
        }

        return low + ((high - low) * Math.Sqrt(u * c));
    }

    /// <summary><c>normalvariate(mu, sigma)</c>: Kinderman and Monahan's ratio method as in random.py.</summary>
    public double NormalVariate(double mu = 0.0, double sigma = 1.0)
    {
        double z;
        while (true)
        {
            double u1 = Random();
            double u2 = 1.0 - Random();
            z = s_nvMagicConst * (u1 - 0.5) / u2;
            double zz = z * z / 4.0;
            if (zz <= -Math.Log(u2))
            {
                break;
            }
        }

        return mu + (z * sigma);
    }

    /// <summary><c>gauss(mu, sigma)</c>: Box-Muller, caching the second deviate in <see cref="GaussNext"/>.</summary>
    public double Gauss(double mu = 0.0, double sigma = 1.0)
    {
        double? cached = GaussNext;
        GaussNext = null;
        double z;
        if (cached is null)
        {
            double x2pi = Random() * s_twoPi;
            double g2rad = Math.Sqrt(-2.0 * Math.Log(1.0 - Random()));
            z = Math.Cos(x2pi) * g2rad;
            GaussNext = Math.Sin(x2pi) * g2rad;
        }
        else
        {
            z = cached.Value;
        }

        return mu + (z * sigma);
    }

    /// <summary><c>lognormvariate(mu, sigma)</c> = <c>exp(normalvariate(mu, sigma))</c>.</summary>
    public double LogNormVariate(double mu, double sigma) => Math.Exp(NormalVariate(mu, sigma));

    /// <summary><c>expovariate(lambd)</c> = <c>-log(1.0 - random()) / lambd</c>.</summary>
    public double ExpoVariate(double lambd) => -Math.Log(1.0 - Random()) / NonZero(lambd);

    /// <summary><c>vonmisesvariate(mu, kappa)</c> (Best and Fisher's method as in random.py).</summary>
    public double VonMisesVariate(double mu, double kappa)
    {
        if (kappa <= 1e-6)
        {
            return s_twoPi * Random();
        }

        double s = 0.5 / kappa;
        double r = s + Math.Sqrt(1.0 + (s * s));
        double z;
        while (true)
        {
            double u1 = Random();
            z = Math.Cos(Math.PI * u1);
            double d = z / (r + z);
            double u2 = Random();
            if (u2 < 1.0 - (d * d) || u2 <= (1.0 - d) * Math.Exp(d))
            {
                break;
            }
        }

        double q = 1.0 / r;
        double f = (q + z) / (1.0 + (q * z));
        double u3 = Random();
        return u3 > 0.5 ? PyFloatMod(mu + Math.Acos(f), s_twoPi) : PyFloatMod(mu - Math.Acos(f), s_twoPi);
    }

    /// <summary><c>gammavariate(alpha, beta)</c> with random.py's three regimes.</summary>
    public double GammaVariate(double alpha, double beta)
    {
        if (alpha <= 0.0 || beta <= 0.0)
        {
            throw new PythonLibException(PythonErrorKind.ValueError, "gammavariate: alpha and beta must be > 0.0");
        }

        if (alpha > 1.0)
        {
            double ainv = Math.Sqrt((2.0 * alpha) - 1.0);
            double bbb = alpha - s_log4;
            double ccc = alpha + ainv;
            while (true)
            {
                double u1 = Random();
                if (!(u1 > 1e-7 && u1 < 0.9999999))
                {
                    continue;
                }

                double u2 = 1.0 - Random();
                double v = Math.Log(u1 / (1.0 - u1)) / ainv;
                double x = alpha * Math.Exp(v);
                double z = u1 * u1 * u2;
                double r = bbb + (ccc * v) - x;
                if (r + s_sgMagicConst - (4.5 * z) >= 0.0 || r >= Math.Log(z))
                {
                    return x * beta;
                }
            }
        }

        if (alpha == 1.0)
        {
            return -Math.Log(1.0 - Random()) * beta;
        }

        double result;
        while (true)
        {
            double u = Random();
            double b = (Math.E + alpha) / Math.E;
            double p = b * u;
            result = p <= 1.0 ? PyPow(p, 1.0 / alpha) : -Math.Log((b - p) / alpha);
            double u1 = Random();
            if (p > 1.0)
            {
                if (u1 <= PyPow(result, alpha - 1.0))
                {
                    break;
                }
            }
            else if (u1 <= Math.Exp(-result))
            {
                break;
            }
        }

        return result * beta;
    }

    /// <summary><c>betavariate(alpha, beta)</c> from two gamma variates.</summary>
    public double BetaVariate(double alpha, double beta)
    {
        double y = GammaVariate(alpha, 1.0);
        return y != 0.0 ? y / (y + GammaVariate(beta, 1.0)) : 0.0;
    }

    /// <summary><c>paretovariate(alpha)</c> = <c>(1.0 - random()) ** (-1.0 / alpha)</c>.</summary>
    public double ParetoVariate(double alpha) => PyPow(1.0 - Random(), -1.0 / NonZero(alpha));

    /// <summary><c>weibullvariate(alpha, beta)</c> = <c>alpha * (-log(1.0 - random())) ** (1.0 / beta)</c>.</summary>
    public double WeibullVariate(double alpha, double beta)
    {
        double u = 1.0 - Random();
        return alpha * PyPow(-Math.Log(u), 1.0 / NonZero(beta));
    }

    /// <summary>bisect.bisect_right over a sorted span.</summary>
    private static int BisectRight<T>(ReadOnlySpan<T> a, T x)
        where T : IComparable<T>
    {
        int lo = 0;
        int hi = a.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (x.CompareTo(a[mid]) < 0)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        return !r.IsZero && ((r.Sign < 0) != (b.Sign < 0)) ? q - 1 : q;
    }

    /// <summary>Python's float division check: a zero divisor raises ZeroDivisionError.</summary>
    private static double NonZero(double divisor) => divisor == 0.0
        ? throw new PythonLibException(PythonErrorKind.ZeroDivisionError, "float division by zero")
        : divisor;

    /// <summary>Python's float <c>%</c>: the result takes the divisor's sign (Objects/floatobject.c: float_rem).</summary>
    private static double PyFloatMod(double x, double y)
    {
        double mod = x % y; // C fmod
        if (mod != 0.0)
        {
            if ((y < 0) != (mod < 0))
            {
                mod += y;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, y);
        }

        return mod;
    }

    /// <summary>Python's float <c>**</c> for the cases random.py reaches: 0.0 to a negative power raises.</summary>
    private static double PyPow(double x, double y) => x == 0.0 && y < 0.0
        ? throw new PythonLibException(PythonErrorKind.ZeroDivisionError, "0.0 cannot be raised to a negative power")
        : Math.Pow(x, y);
}
