NAME = 'helper package'
