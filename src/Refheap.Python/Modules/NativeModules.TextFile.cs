using System;
using System.Collections.Generic;
using Refheap.Python.Objects;
using Refheap.Python.Vm;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Modules;

// __next__ and write of io._File, the object open() returns (Lib/python/io.py). In CPython both
// are C (Modules/_io/textio.c, 3.11: textiowrapper_iternext, _io_TextIOWrapper_write_impl); here
// the Python class keeps the state in its attributes (_buf, _pos, _end, _pending, ...) and these
// natives do the plain case on the same attributes with the same effects as the Python code:
//   __next__: a readable, open, decoded text or binary file with no pending writes: the line
//             from _pos through the next '\n' (or to the end), _pos moved past it;
//   write:    an exact str written at the end of an open, writable text file: appended to
//             _pending, _end and _pos advanced, _dirty set, the buffer spilled at _SPILL.
// Anything else (a closed file, a seek inside the buffer, a str subclass, ...) goes through the
// Python code: readline() for __next__, _write_slow() for write. The attributes are plain
// instance attributes of _File (no descriptors of those names on its classes), so they are read
// and stored in the instance's own storage, without the class lookup of a getattr; one that is
// missing there sends the call the Python way too.
internal static unsafe partial class NativeModules
{
    private const int PendingCapacity = 2048;

    private static Dictionary<string, VectorCall> FileMethods() => new()
    {
        // IOBase.__next__: readline(), StopIteration when it gives nothing.
        ["__next__"] = (r, self, a, n, k) =>
        {
            if (!ArgParse.NoArgs(r, "__next__", n, k))
            {
                return null;
            }

            Interpreter interp = Interpreter.Of(r);
            PyObject* line = FileReadLineFast(interp, self);
            if (line == null && !r.ErrorOccurred)
            {
                line = CallFileMethod(interp, self, "readline", null);
            }

            if (line == null)
            {
                return null;
            }

            int truth = interp.IsTrue(line);
            if (truth != 1)
            {
                r.DecRef(line);
                if (truth == 0)
                {
                    PyObject* stop = interp.CallNoArgs((PyObject*)r.StopIterationType);
                    if (stop != null)
                    {
                        r.SetErrorObject(stop);
                    }
                }

                return null;
            }

            return line;
        },

        ["write"] = (r, self, a, n, k) =>
        {
            if (!ArgParse.OneArg(r, "write", n, k))
            {
                return null;
            }

            Interpreter interp = Interpreter.Of(r);
            PyObject* written = FileWriteFast(interp, self, a[0]);
            return written != null || r.ErrorOccurred ? written : CallFileMethod(interp, self, "_write_slow", a[0]);
        },
    };

    private static PyObject* CallFileMethod(Interpreter interp, PyObject* self, string name, PyObject* arg)
    {
        PyObject* method = interp.GetAttr(self, name);
        if (method == null)
        {
            return null;
        }

        PyObject* r = arg == null ? interp.CallNoArgs(method) : interp.CallOneArg(method, arg);
        interp.Rt.DecRef(method);
        return r;
    }

    /// <summary>
    /// _File.readline() in the plain case: a new reference to the line; null without an error
    /// when the case is not plain (the caller runs the Python readline), null with one on failure.
    /// </summary>
    private static PyObject* FileReadLineFast(Interpreter interp, PyObject* self)
    {
        PyRuntime rt = interp.Rt;
        if (FileAttrIs(interp, self, "closed", rt.False) != 1 || FileAttrIs(interp, self, "_readable", rt.True) != 1
            || FileAttrIs(interp, self, "_decode_error", rt.None) != 1 || FileAttrIs(interp, self, "_pending", rt.None) != 1)
        {
            return null;
        }

        PyObject* buf = FileAttr(interp, self, "_buf");
        if (buf == null || buf->Type != rt.StrType || !FileAttrLong(interp, self, "_pos", out long pos) || pos < 0)
        {
            return null;
        }

        PyRuntime.IncRef(buf);

        // _BufferIO.readline: end = buf.find('\n', pos) + 1, or len(buf); the line is buf[pos:end].
        nint len = PyRuntime.StrLength(buf);
        nint nl = pos < len ? FindNewline(buf, (nint)pos, len) : -1;
        nint end = nl < 0 ? len : nl + 1;
        PyObject* line = pos >= end ? PyRuntime.NewRef(rt.EmptyStr)
            : pos == 0 && end == len ? PyRuntime.NewRef(buf)
            : rt.StrSubstring(buf, (nint)pos, end - (nint)pos);
        rt.DecRef(buf);
        if (line == null || FileSetLong(interp, self, "_pos", end) < 0)
        {
            rt.XDecRef(line);
            return null;
        }

        return line;
    }

    /// <summary>
    /// _File.write(s) in the plain case: the count written; null without an error when the case
    /// is not plain (the caller runs the Python write), null with one on failure.
    /// </summary>
    private static PyObject* FileWriteFast(Interpreter interp, PyObject* self, PyObject* s)
    {
        PyRuntime rt = interp.Rt;
        nint count = s->Type == rt.StrType ? PyRuntime.StrLength(s) : 0;
        if (count == 0 || FileAttrIs(interp, self, "_writable", rt.True) != 1 || FileAttrIs(interp, self, "_binary", rt.False) != 1
            || FileAttrIs(interp, self, "closed", rt.False) != 1
            || !FileAttrLong(interp, self, "_pos", out long pos) || !FileAttrLong(interp, self, "_end", out long end) || pos != end)
        {
            return null;
        }

        PyObject* pending = FileAttr(interp, self, "_pending");
        if (pending == null || (pending != rt.None && pending->Type != rt.ListType))
        {
            return null;
        }

        // _File.write sets _dirty first; _BufferIO.write appends to _pending and moves _end and _pos.
        PyRuntime.IncRef(pending);
        bool ok = FileSet(interp, self, "_dirty", rt.True) == 0;
        if (ok && pending == rt.None)
        {
            PyObject* list = rt.NewList(PendingCapacity);
            if (list == null)
            {
                ok = false;
            }
            else
            {
                ((PyListObject*)list)->Base.Size = 1;
                PyRuntime.ListItems(list)[0] = PyRuntime.NewRef(s);
                ok = FileSet(interp, self, "_pending", list) == 0;
                rt.DecRef(list);
            }
        }
        else if (ok)
        {
            // A list made above has room for PendingCapacity items: no realloc per append
            // (list_resize would also shrink it back first); a full one grows as lists do.
            var l = (PyListObject*)pending;
            if (l->Base.Size < l->Allocated)
            {
                l->Items[l->Base.Size] = PyRuntime.NewRef(s);
                l->Base.Size++;
            }
            else
            {
                ok = rt.ListAppend(pending, s);
            }
        }

        rt.DecRef(pending);
        long newEnd = end + count;
        if (!ok || FileSetLong(interp, self, "_end", newEnd) < 0 || FileSetLong(interp, self, "_pos", newEnd) < 0)
        {
            return null;
        }

        // if self._stream and self._end >= self._SPILL and self._pos == self._end: self._spill()
        // _SPILL is a class attribute.
        PyObject* spill = rt.LookupType(self->Type, interp.Str("_SPILL"));
        if (FileAttrIs(interp, self, "_stream", rt.True) == 1
            && (spill == null || spill->Type != rt.IntType || !PyRuntime.TryIntToLong(spill, out long spillAt) || newEnd >= spillAt))
        {
            PyObject* spilled = CallFileMethod(interp, self, "_spill", null);
            if (spilled == null)
            {
                return null;
            }

            rt.DecRef(spilled);
        }

        return rt.NewInt(count);
    }

    /// <summary>The index of the first '\n' in s[start:len], or -1.</summary>
    private static nint FindNewline(PyObject* s, nint start, nint len)
    {
        byte* data = PyRuntime.StrData(s);
        int rest = (int)(len - start);
        int i = PyRuntime.StrKind(s) switch
        {
            1 => new ReadOnlySpan<byte>(data + start, rest).IndexOf((byte)'\n'),
            2 => new ReadOnlySpan<ushort>((ushort*)data + start, rest).IndexOf((ushort)'\n'),
            _ => new ReadOnlySpan<uint>((uint*)data + start, rest).IndexOf((uint)'\n'),
        };
        return i < 0 ? -1 : start + i;
    }

    /// <summary>self.name from the instance's own storage, borrowed; null (no error) when it is not there.</summary>
    private static PyObject* FileAttr(Interpreter interp, PyObject* self, string name) => interp.Rt.InstanceGetAttr(self, interp.Str(name));

    /// <summary>Whether self.name (in the instance's own storage) is <paramref name="expected"/>.</summary>
    private static int FileAttrIs(Interpreter interp, PyObject* self, string name, PyObject* expected) =>
        FileAttr(interp, self, name) == expected ? 1 : 0;

    /// <summary>self.name as a long, if it is an exact int that fits; false otherwise.</summary>
    private static bool FileAttrLong(Interpreter interp, PyObject* self, string name, out long value)
    {
        value = 0;
        PyObject* v = FileAttr(interp, self, name);
        return v != null && v->Type == interp.Rt.IntType && PyRuntime.TryIntToLong(v, out value);
    }

    private static int FileSet(Interpreter interp, PyObject* self, string name, PyObject* value)
    {
        int r = interp.Rt.InstanceSetAttr(self, interp.Str(name), value);
        if (r == -2)
        {
            interp.Rt.SetError(interp.Rt.SystemErrorType, "a file object without instance attributes");
        }

        return r == 0 ? 0 : -1;
    }

    private static int FileSetLong(Interpreter interp, PyObject* self, string name, long value)
    {
        PyObject* v = interp.Rt.NewInt(value);
        if (v == null)
        {
            return -1;
        }

        int r = FileSet(interp, self, name, v);
        interp.Rt.DecRef(v);
        return r;
    }
}
