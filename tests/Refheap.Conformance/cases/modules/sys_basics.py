import sys
import os
print(sys.version_info[:2], sys.version_info.major, sys.implementation.name)
print(sys.argv)
print(os.path.basename(sys.path[0]))
print('sys' in sys.modules, 'gc' in sys.modules, '__main__' in sys.modules, 'json' in sys.modules)
print(sys.maxsize == 2**63 - 1, sys.byteorder, sys.float_info.dig, sys.int_info.bits_per_digit)
print(sys.getdefaultencoding(), sys.flags.no_site, sys.flags.dont_write_bytecode, sys.flags.hash_randomization)
print(type(sys.modules['__main__']).__name__, sys.modules['__main__'].__name__)
print(sys.hash_info.algorithm, sys.hash_info.width, sys.hash_info.modulus)
