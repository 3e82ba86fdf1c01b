import bisect
import heapq
import operator
print(operator.add(1, 2), operator.itemgetter(1)('abc'), operator.attrgetter('real')(3), operator.methodcaller('upper')('x'))
print(sorted([('b', 2), ('a', 2), ('c', 1)], key=operator.itemgetter(1, 0)))
a = [1, 3, 3, 7]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 8))
bisect.insort(a, 5)
print(a)
h = [5, 1, 8, 3, 2]
heapq.heapify(h)
print(h, heapq.heappop(h), heapq.heappushpop(h, 0), heapq.nsmallest(2, [9, 4, 6]), heapq.nlargest(2, [9, 4, 6]))
print(list(heapq.merge([1, 4], [2, 3])))
