RAN_MAIN = False
if __name__ == '__main__':
    RAN_MAIN = True
print('helper __name__', __name__)
