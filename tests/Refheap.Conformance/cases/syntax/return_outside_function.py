print('compiled first?')
return 5
