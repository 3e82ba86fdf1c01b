print('this line is fine')
values = [1, 2,
          3, 4
total = sum(values)
