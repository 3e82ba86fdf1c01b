import array
import struct
packed = struct.pack('<iHd', -1, 65535, 1.5)
print(packed, len(packed), struct.unpack('<iHd', packed), struct.calcsize('<iHd'), struct.calcsize('iHd'))
a = array.array('i', [1, 2, 3])
a.append(4)
print(a, a.itemsize, a.tolist(), a.tobytes()[:8], sum(a))
d = array.array('d', [0.5])
print(d, array.array('b', b'\x01\xff'))
