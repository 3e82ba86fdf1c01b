import _helper_guarded
print('main module name', __name__)
print('helper ran main block:', _helper_guarded.RAN_MAIN)
