using Refheap.Runtime.Objects;
using Refheap.Runtime.Types;

namespace Refheap.Runtime;

// Building a dict from a display's keys and values (Objects/dictobject.c, 3.11:
// _PyDict_FromItems, used by BUILD_MAP and BUILD_CONST_KEY_MAP).
public sealed unsafe partial class PyRuntime
{
    /// <summary>
    /// _PyDict_FromItems: a new dict of <paramref name="length"/> items, key i at
    /// keys[i * keysStep] and its value at values[i * valuesStep] (new references are taken).
    /// The keys are str-only when every key is an exact str. Null with an error set when a key
    /// is unhashable; the half-built dict is released first, as 3.11 does.
    /// </summary>
    public PyObject* DictFromItems(PyObject** keys, nint keysStep, PyObject** values, nint valuesStep, nint length)
    {
        bool unicode = true;
        for (nint i = 0; i < length; i++)
        {
            if (keys[i * keysStep]->Type != StrType)
            {
                unicode = false;
                break;
            }
        }

        PyObject* dict = NewDictPresized(length, unicode);
        if (dict == null)
        {
            return null;
        }

        var mp = (PyDictObject*)dict;
        for (nint i = 0; i < length; i++)
        {
            PyObject* key = keys[i * keysStep];
            PyObject* value = values[i * valuesStep];

            // PyDict_SetItem on an exact dict: _PyDict_SetItem_Take2 after the two INCREFs.
            IncRef(key);
            IncRef(value);
            if (DictSetItemTake2(mp, key, value) < 0)
            {
                DecRef(dict);
                return null;
            }
        }

        return dict;
    }
}
