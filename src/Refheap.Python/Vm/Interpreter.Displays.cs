using Refheap.Runtime.Objects;

namespace Refheap.Python.Vm;

// Helpers of the display opcodes (Python/ceval.c BUILD_MAP / BUILD_CONST_KEY_MAP, 3.11).
internal sealed unsafe partial class Interpreter
{
    /// <summary>
    /// _PyDict_FromItems (Objects/dictobject.c, 3.11): a display's dict gets str-only keys when
    /// every key is an exact str; <paramref name="step"/> walks keys interleaved with values.
    /// </summary>
    private bool AllExactStr(PyObject** keys, int count, int step)
    {
        for (int i = 0; i < count; i++)
        {
            if (keys[i * step]->Type != Rt.StrType)
            {
                return false;
            }
        }

        return true;
    }
}
