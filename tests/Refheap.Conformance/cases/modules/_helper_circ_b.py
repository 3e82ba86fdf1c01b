import _helper_circ_a
SEEN = getattr(_helper_circ_a, 'A', 'missing')
B = 'b value'
