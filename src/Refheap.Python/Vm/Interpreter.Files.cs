using System;
using System.IO;
using Refheap.Runtime;
using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// open(), whole-file reads and writes, path queries, and OSErrors from the host's I/O.
internal sealed unsafe partial class Interpreter
{
    /// <summary>open(...): delegated to the io module written in Python.</summary>
    public PyObject* Open(PyObject** args, nint nargs, PyObject* kwnames)
    {
        PyObject* io = ImportModule("io");
        if (io == null)
        {
            return null;
        }

        PyObject* open = GetAttr(io, Str("open"));
        Rt.DecRef(io);
        if (open == null)
        {
            return null;
        }

        PyObject* r = Call(open, args, nargs, kwnames);
        Rt.DecRef(open);
        return r;
    }

    private string ResolvePath(PyObject* path) => Path.GetFullPath(PyRuntime.StrToString(path), WorkingDirectory);

    /// <summary>
    /// A failed write to the host's stdout/stderr as Python sees it: OSError(errno, strerror)
    /// as the errno map makes it (BrokenPipeError for EPIPE). On Unix .NET puts the errno in
    /// the exception's HResult; anything else is EIO. Returns null.
    /// </summary>
    public PyObject* RaiseHostIOError(IOException e)
    {
        PyRuntime rt = Rt;
        int errno = e.HResult is > 0 and < 4096 ? e.HResult : 5;
        PyObject** args = stackalloc PyObject*[2];
        args[0] = rt.NewInt(errno);
        args[1] = rt.NewStr(e.Message);
        PyObject* exc = Call((PyObject*)OSErrorSubclassFor(OSErrorType, args, 2), args, 2, null);
        rt.DecRef(args[0]);
        rt.DecRef(args[1]);
        if (exc != null)
        {
            rt.SetErrorObject(exc);
        }

        return null;
    }

    private void RaiseOSError(PyTypeObject* type, int errno, string strerror, PyObject* filename)
    {
        PyRuntime rt = Rt;
        PyObject* a0 = rt.NewInt(errno);
        PyObject* a1 = rt.NewStr(strerror);
        PyObject** args = stackalloc PyObject*[3];
        args[0] = a0;
        args[1] = a1;
        args[2] = filename;
        PyObject* exc = Call((PyObject*)type, args, 3, null);
        rt.DecRef(a0);
        rt.DecRef(a1);
        if (exc != null)
        {
            rt.SetErrorObject(exc);
        }
    }

    public PyObject* ReadFileBytes(PyObject* path)
    {
        try
        {
            return ReadWholeFile(ResolvePath(path));
        }
        catch (FileNotFoundException)
        {
            RaiseOSError(FileNotFoundErrorType, 2, "No such file or directory", path);
        }
        catch (DirectoryNotFoundException)
        {
            RaiseOSError(FileNotFoundErrorType, 2, "No such file or directory", path);
        }
        catch (UnauthorizedAccessException)
        {
            RaiseOSError(Directory.Exists(ResolvePath(path)) ? ExceptionType("IsADirectoryError") : ExceptionType("PermissionError"),
                Directory.Exists(ResolvePath(path)) ? 21 : 13, Directory.Exists(ResolvePath(path)) ? "Is a directory" : "Permission denied", path);
        }
        catch (IOException e)
        {
            RaiseOSError(OSErrorType, 5, e.Message, path);
        }

        return null;
    }

    /// <summary>
    /// A file's contents read straight into a new bytes object (no intermediate array: a big
    /// file would otherwise sit in memory twice more); a file that changes size while being
    /// read is read again the simple way.
    /// </summary>
    private PyObject* ReadWholeFile(string full)
    {
        using (Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(full))
        {
            long length = RandomAccess.GetLength(handle);
            if (length > 1 && length < int.MaxValue)
            {
                PyObject* bytes = Rt.NewBytesToFill((nint)length);
                if (bytes == null)
                {
                    return null;
                }

                var target = new Span<byte>(PyRuntime.BytesData(bytes), (int)length);
                int done = 0;
                int n;
                while (done < target.Length && (n = RandomAccess.Read(handle, target[done..], done)) > 0)
                {
                    done += n;
                }

                var probe = new byte[1];
                if (done == target.Length && RandomAccess.Read(handle, probe, done) == 0)
                {
                    return bytes;
                }

                Rt.DecRef(bytes);
            }
        }

        return Rt.NewBytes(File.ReadAllBytes(full));
    }

    public PyObject* WriteFileBytes(PyObject* path, PyObject* data, PyObject* append)
    {
        try
        {
            string full = ResolvePath(path);
            ReadOnlySpan<byte> bytes = PyRuntime.IsBytes(data) ? PyRuntime.BytesSpan(data) : BytesOf(data);
            if (append == Rt.True)
            {
                using var fs = new FileStream(full, FileMode.Append);
                fs.Write(bytes);
            }
            else
            {
                File.WriteAllBytes(full, bytes);
            }

            return PyRuntime.NewRef(Rt.None);
        }
        catch (DirectoryNotFoundException)
        {
            RaiseOSError(FileNotFoundErrorType, 2, "No such file or directory", path);
        }
        catch (UnauthorizedAccessException)
        {
            RaiseOSError(ExceptionType("PermissionError"), 13, "Permission denied", path);
        }
        catch (IOException e)
        {
            RaiseOSError(OSErrorType, 5, e.Message, path);
        }

        return null;
    }

    /// <summary>0 file exists, 1 dir exists, 2 remove, 3 listdir, 4 mkdir, 5 rmdir.</summary>
    public PyObject* PathQuery(PyObject* path, int op)
    {
        PyRuntime rt = Rt;
        string full = ResolvePath(path);
        try
        {
            switch (op)
            {
                case 0:
                    return rt.NewBool(File.Exists(full));
                case 1:
                    return rt.NewBool(Directory.Exists(full));
                case 2:
                    if (!File.Exists(full))
                    {
                        RaiseOSError(FileNotFoundErrorType, 2, "No such file or directory", path);
                        return null;
                    }

                    File.Delete(full);
                    return PyRuntime.NewRef(rt.None);
                case 3:
                    PyObject* list = rt.NewList(0);
                    foreach (string e in Directory.EnumerateFileSystemEntries(full))
                    {
                        PyObject* s = rt.NewStr(Path.GetFileName(e));
                        rt.ListAppend(list, s);
                        rt.DecRef(s);
                    }

                    return list;
                case 4:
                    if (Directory.Exists(full) || File.Exists(full))
                    {
                        RaiseOSError(ExceptionType("FileExistsError"), 17, "File exists", path);
                        return null;
                    }

                    Directory.CreateDirectory(full);
                    return PyRuntime.NewRef(rt.None);
                default:
                    Directory.Delete(full);
                    return PyRuntime.NewRef(rt.None);
            }
        }
        catch (DirectoryNotFoundException)
        {
            RaiseOSError(FileNotFoundErrorType, 2, "No such file or directory", path);
        }
        catch (IOException e)
        {
            RaiseOSError(OSErrorType, 5, e.Message, path);
        }

        return null;
    }
}
