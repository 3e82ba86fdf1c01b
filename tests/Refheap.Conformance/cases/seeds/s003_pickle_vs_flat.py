# Seed 003: pickling a list of tuples versus a flat text file, at a small size.
import os
import pickle
import random
random.seed(1234)
here = os.path.dirname(os.path.abspath(__file__))
def random_string():
    return ''.join([chr(64 + random.randint(0, 25)) for _ in range(20)])
x = [(random.random(), random_string(), random.randint(0, 2 ** 64)) for _ in range(200)]
print(x[0])
data = pickle.dumps(x)
print(len(data), pickle.loads(data) == x)
flat = os.path.join(here, 's003_pickle_vs_flat.tmp')
with open(flat, 'w') as f:
    for xx in x:
        print(xx, file=f)
y = []
with open(flat) as f:
    for line in f:
        y.append(eval(line))
os.remove(flat)
print(y == x, len(y))
