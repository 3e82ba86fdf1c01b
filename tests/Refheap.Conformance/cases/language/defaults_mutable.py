def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))
print(append_to.__defaults__)
def kwdef(*, flag=False):
    return flag
print(kwdef.__kwdefaults__, kwdef(flag=True))
