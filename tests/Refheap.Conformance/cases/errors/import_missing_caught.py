try:
    import no_such_module_refheap
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _helper_errmod import nothing_here
except ImportError as e:
    print(type(e).__name__, e)
