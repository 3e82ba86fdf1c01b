print('helper starts')
x = 1 / 0
