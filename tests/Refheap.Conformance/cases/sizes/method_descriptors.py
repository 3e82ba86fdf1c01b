# Builtin method descriptors are 56-byte GC objects in 3.11 (72 with the GC header), whatever
# the kind: instance methods, class methods (classmethod_descriptor), slot wrappers.
import sys
for d in (list.append, dict.get, str.join, bytes.hex, set.add, int.bit_length, float.hex,
          dict.__dict__['fromkeys'], int.__dict__['from_bytes'], object.__init__, list.__len__):
    print(sys.getsizeof(d))
