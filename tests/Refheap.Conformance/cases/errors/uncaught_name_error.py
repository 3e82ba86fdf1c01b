def compute():
    return undefined_name * 2
compute()
