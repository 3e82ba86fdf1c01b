print("bad byte ÿ here")
