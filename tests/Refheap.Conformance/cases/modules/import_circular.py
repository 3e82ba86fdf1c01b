import _helper_circ_a
print(_helper_circ_a.A, _helper_circ_a.b_module.B)
