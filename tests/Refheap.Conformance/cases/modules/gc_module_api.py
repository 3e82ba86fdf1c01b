import gc
names = ['collect', 'enable', 'disable', 'isenabled', 'get_count', 'get_threshold', 'set_threshold', 'get_debug', 'set_debug',
         'get_objects', 'get_stats', 'get_referrers', 'get_referents', 'is_tracked', 'is_finalized', 'freeze', 'unfreeze',
         'get_freeze_count', 'garbage', 'callbacks']
print([n for n in names if not hasattr(gc, n)])
print(type(gc.garbage).__name__, type(gc.callbacks).__name__, gc.garbage)
print(gc.collect.__doc__.splitlines()[0])
