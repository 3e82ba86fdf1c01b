class Bad:
    def __del__(self):
        raise RuntimeError('__del__ at exit')
keep = Bad()
print('end of script')
