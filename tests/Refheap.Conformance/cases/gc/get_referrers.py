import gc
class Target:
    pass
t = Target()
holder_list = [t]
holder_dict = {'t': t}
class Holder:
    pass
h = Holder()
h.t = t
refs = gc.get_referrers(t)
names = []
for r in refs:
    if r is holder_list:
        names.append('holder_list')
    elif r is holder_dict:
        names.append('holder_dict')
    elif r is h.__dict__ or r is h:
        names.append('h')
    elif r is globals():
        names.append('globals')
print(sorted(names))
