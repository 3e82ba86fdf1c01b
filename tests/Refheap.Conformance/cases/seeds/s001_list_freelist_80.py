# Seed 001 said 2.4 kept 80 free lists; 3.11 keeps 80 as well: reuse is observable.
lists = [[i] for i in range(200)]
ids = set(map(id, lists))
del lists
again = [[i] for i in range(50)]
print(sum(1 for x in again if id(x) in ids) > 0)
