# vim: set fileencoding=no-such-codec :
# A coding cookie naming no codec: the main script reports "encoding problem" (CPython reads
# it through fp_setreadl); compile(), exec() and imports say "unknown encoding".
print("never")
