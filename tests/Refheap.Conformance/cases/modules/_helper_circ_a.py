A = 'a value'
import _helper_circ_b as b_module
print('b saw A as', b_module.SEEN)
