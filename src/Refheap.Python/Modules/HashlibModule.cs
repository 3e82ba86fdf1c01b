using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Refheap.Python.Objects;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

/// <summary>
/// `_refheap_hashlib`: the hash states behind Lib/python/hashlib.py, .NET's IncrementalHash
/// (the platform's OpenSSL on Linux, as CPython's _hashlib is). A state is a handle (an int) the
/// Python object holds and releases; the table is the interpreter's and is emptied when it is
/// disposed. Algorithms: md5, sha1, sha256, sha384, sha512, and sha3_256/384/512 where the
/// crypto library has them; CPython's other guaranteed ones (sha224, sha3_224, blake2b,
/// blake2s, shake_128, shake_256) raise NotImplementedError (listed missing in the README).
/// </summary>
internal sealed unsafe class HashlibModule : IDisposable
{
    private static readonly string[] Unsupported = ["sha224", "sha3_224", "blake2b", "blake2s", "shake_128", "shake_256"];

    private readonly Dictionary<long, IncrementalHash> _states = [];
    private long _next = 1;

    /// <summary>The algorithms this process can compute, by Python name.</summary>
    public static IEnumerable<string> Available()
    {
        yield return "md5";
        yield return "sha1";
        yield return "sha256";
        yield return "sha384";
        yield return "sha512";
        if (SHA3_256.IsSupported)
        {
            yield return "sha3_256";
            yield return "sha3_384";
            yield return "sha3_512";
        }
    }

    public static PyObject* Create(Interpreter interp)
    {
        PyRuntime rt = interp.Rt;
        PyObject* m = rt.NewModule("_refheap_hashlib");
        interp.AddFunction(m, "available", (r, s, a, n, k) =>
        {
            var names = new List<string>(Available());
            PyObject* list = r.NewList(0);
            foreach (string name in names)
            {
                PyObject* item = r.NewStr(name);
                if (item == null || !r.ListAppend(list, item))
                {
                    r.XDecRef(item);
                    r.DecRef(list);
                    return null;
                }

                r.DecRef(item);
            }

            return list;
        });
        interp.AddFunction(m, "new", (r, s, a, n, k) => ArgParse.OneArg(r, "new", n, k) ? interp.Hashes.New(r, a[0]) : null);
        interp.AddFunction(m, "update", (r, s, a, n, k) => ArgParse.Positional(r, "update", n, 2, 2, k) ? interp.Hashes.Update(r, a[0], a[1]) : null);
        interp.AddFunction(m, "digest", (r, s, a, n, k) => ArgParse.OneArg(r, "digest", n, k) ? interp.Hashes.Digest(r, a[0]) : null);
        interp.AddFunction(m, "copy", (r, s, a, n, k) => ArgParse.OneArg(r, "copy", n, k) ? interp.Hashes.Copy(r, a[0]) : null);
        interp.AddFunction(m, "release", (r, s, a, n, k) => ArgParse.OneArg(r, "release", n, k) ? interp.Hashes.Release(r, a[0]) : null);
        interp.AddFunction(m, "pbkdf2", (r, s, a, n, k) => ArgParse.Positional(r, "pbkdf2", n, 5, 5, k) ? Pbkdf2(r, a[0], a[1], a[2], a[3], a[4]) : null);
        return m;
    }

    /// <summary>pbkdf2(name, password, salt, iterations, dklen): the arguments already checked by hashlib.py.</summary>
    private static PyObject* Pbkdf2(PyRuntime rt, PyObject* nameObj, PyObject* password, PyObject* salt, PyObject* iterations, PyObject* dklen)
    {
        string name = PyRuntime.StrToString(nameObj).ToLowerInvariant();
        if (AlgorithmOf(name) is not HashAlgorithmName a)
        {
            rt.SetError(rt.NotImplementedErrorType, $"hashlib.pbkdf2_hmac: {name} is not available in Refheap");
            return null;
        }

        if (!PyRuntime.TryIntToLong(iterations, out long rounds) || rounds > int.MaxValue
            || !PyRuntime.TryIntToLong(dklen, out long length) || length > int.MaxValue)
        {
            rt.SetError(rt.OverflowErrorType, "Python int too large to convert to C int");
            return null;
        }

        // PBKDF2 (RFC 8018 5.2) over HMAC of the named hash: block i is U1 ^ ... ^ Uc with
        // U1 = HMAC(P, S || INT(i)) and Uj = HMAC(P, Uj-1), blocks concatenated to dklen bytes.
        // (Rfc2898DeriveBytes takes SHA-1 and SHA-2 only; CPython also derives with md5 and sha3.)
        using IncrementalHash mac = IncrementalHash.CreateHMAC(a, Interpreter.BytesView(password));
        byte[] saltBytes = Interpreter.BytesView(salt).ToArray();
        var key = new byte[length];
        Span<byte> counter = stackalloc byte[4];
        for (int block = 1, filled = 0; filled < key.Length; block++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(counter, block);
            mac.AppendData(saltBytes);
            mac.AppendData(counter);
            byte[] u = mac.GetHashAndReset();
            byte[] t = (byte[])u.Clone();
            for (long j = 1; j < rounds; j++)
            {
                mac.AppendData(u);
                u = mac.GetHashAndReset();
                for (int x = 0; x < t.Length; x++)
                {
                    t[x] ^= u[x];
                }
            }

            int take = Math.Min(t.Length, key.Length - filled);
            Array.Copy(t, 0, key, filled, take);
            filled += take;
        }

        return rt.NewBytes(key);
    }

    private PyObject* New(PyRuntime rt, PyObject* nameObj)
    {
        if (!PyRuntime.IsStr(nameObj))
        {
            rt.SetError(rt.TypeErrorType, "name must be a string");
            return null;
        }

        string name = PyRuntime.StrToString(nameObj).ToLowerInvariant();
        if (AlgorithmOf(name) is not HashAlgorithmName a)
        {
            if (Array.IndexOf(Unsupported, name) >= 0 || name.StartsWith("sha3_", StringComparison.Ordinal))
            {
                rt.SetError(rt.NotImplementedErrorType, $"hashlib: {name} is not available in Refheap (the .NET crypto library has no {name})");
            }
            else
            {
                rt.SetError(rt.ValueErrorType, $"unsupported hash type {PyRuntime.StrToString(nameObj)}");
            }

            return null;
        }

        long id = _next++;
        _states[id] = IncrementalHash.CreateHash(a);
        return rt.NewInt(id);
    }

    /// <summary>The .NET algorithm behind a Python name, or null when this process has none.</summary>
    private static HashAlgorithmName? AlgorithmOf(string name) => name switch
    {
        "md5" => HashAlgorithmName.MD5,
        "sha1" => HashAlgorithmName.SHA1,
        "sha256" => HashAlgorithmName.SHA256,
        "sha384" => HashAlgorithmName.SHA384,
        "sha512" => HashAlgorithmName.SHA512,
        "sha3_256" when SHA3_256.IsSupported => HashAlgorithmName.SHA3_256,
        "sha3_384" when SHA3_384.IsSupported => HashAlgorithmName.SHA3_384,
        "sha3_512" when SHA3_512.IsSupported => HashAlgorithmName.SHA3_512,
        _ => null,
    };

    private IncrementalHash? State(PyRuntime rt, PyObject* handle)
    {
        if (PyRuntime.TryIntToLong(handle, out long id) && _states.TryGetValue(id, out IncrementalHash? h))
        {
            return h;
        }

        rt.SetError(rt.ValueErrorType, "hash object already released");
        return null;
    }

    private PyObject* Update(PyRuntime rt, PyObject* handle, PyObject* data)
    {
        IncrementalHash? h = State(rt, handle);
        if (h == null)
        {
            return null;
        }

        if (!PyRuntime.IsBytes(data) && !rt.IsByteArray(data))
        {
            rt.SetError(rt.TypeErrorType, PyRuntime.IsStr(data) ? "Strings must be encoded before hashing" : "object supporting the buffer API required");
            return null;
        }

        h.AppendData(Interpreter.BytesView(data));
        return PyRuntime.NewRef(rt.None);
    }

    private PyObject* Digest(PyRuntime rt, PyObject* handle)
    {
        IncrementalHash? h = State(rt, handle);
        return h == null ? null : rt.NewBytes(h.GetCurrentHash());
    }

    private PyObject* Copy(PyRuntime rt, PyObject* handle)
    {
        IncrementalHash? h = State(rt, handle);
        if (h == null)
        {
            return null;
        }

        long id = _next++;
        _states[id] = h.Clone();
        return rt.NewInt(id);
    }

    private PyObject* Release(PyRuntime rt, PyObject* handle)
    {
        if (PyRuntime.TryIntToLong(handle, out long id) && _states.Remove(id, out IncrementalHash? h))
        {
            h.Dispose();
        }

        return PyRuntime.NewRef(rt.None);
    }

    public void Dispose()
    {
        foreach (IncrementalHash h in _states.Values)
        {
            h.Dispose();
        }

        _states.Clear();
    }
}
