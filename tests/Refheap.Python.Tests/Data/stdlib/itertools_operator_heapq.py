from itertools import *
import itertools, operator, heapq, bisect

def attempt(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!>', type(e).__name__, e)

c = count(); print(next(c), next(c), c, count(5, 2), count(1.5), count(0, 1.0), list(islice(count(10, -3), 4)))
print(list(islice(cycle('abc'), 8)), list(cycle([])), list(repeat('x', 3)), repeat(1), repeat(1, 2), list(repeat(0, -1)))
r = repeat('a', 3); next(r); print(r, operator.length_hint(r))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)), list(accumulate([], initial=5)), list(accumulate([1, 2], initial=10)), list(accumulate([])))
print(list(chain('ab', [1], ())), list(chain.from_iterable(['xy', 'z'])), list(compress('abcdef', [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(filterfalse(None, [0, 1, '', 'a'])), list(filterfalse(lambda x: x % 2, range(6))))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(pairwise('abcd')), list(pairwise('a')), list(zip_longest('ab', 'xyz', fillvalue='-')), list(zip_longest()))
print([(k, list(g)) for k, g in groupby('aaabbcaa')], [(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
gb = groupby('aabbcc'); k1, g1 = next(gb); k2, g2 = next(gb); print(k1, list(g1), k2, list(g2), [k for k, g in gb])
gb = groupby('aaab'); k, g = next(gb); print(next(g), [(k, list(g)) for k, g in gb])
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, None, 2)), list(islice('abc', None)))
it = iter(range(10)); print(list(islice(it, 3)), next(it))
it = iter(range(10)); print(list(islice(it, 1, 6, 2)), next(it))
for args in [(-1,), ('a',), (1, 'x'), (0, 5, 0), (0, 5, -1), (1.5,)]:
    attempt('islice%r' % (args,), lambda: list(islice('abc', *args)))
a, b = tee([1, 2, 3]); print(list(a), list(b), tee('x', 0), len(tee('ab', 3)))
a, b = tee(iter([1, 2, 3])); next(a); c1, = tee(a, 1); print(list(c1), list(b))
attempt('tee', lambda: tee('a', -1))
print(list(product('ab', range(2))), list(product('ab', repeat=2)), list(product()), list(product('ab', [])))
print(list(permutations('abc', 2)), list(permutations(range(3))), list(permutations('ab', 3)), list(permutations([], 0)))
print(list(combinations('abcd', 2)), list(combinations('ab', 3)), list(combinations('abc', 0)), list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement('', 2)), list(combinations_with_replacement('', 0)))
attempt('comb-neg', lambda: combinations('abc', -1))
attempt('perm-neg', lambda: permutations('abc', -1))
attempt('cwr-neg', lambda: combinations_with_replacement('abc', -1))
attempt('prod-neg', lambda: product('a', repeat=-1))
attempt('cycle-int', lambda: cycle(5))
attempt('zl-int', lambda: zip_longest([], 1))
attempt('chain-int', lambda: list(chain([1], 2)))
attempt('count-str', lambda: count('a'))
print(type(chain()).__name__, type(count()).__name__, type(islice('', 1)).__name__, type(groupby('')).__name__)

# operator
print(operator.add(1, 2), operator.sub(5, 3), operator.mul(2, 3), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 5), operator.neg(3), operator.pos(-3), operator.abs(-4), operator.inv(5), operator.invert(0))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1), operator.ne(1, 2), operator.ge(1, 2), operator.gt(2, 1), operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.rshift(16, 2), operator.concat([1], [2]), operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))
l = [1, 2, 3]; operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l, operator.getitem(l, 1), operator.index(5), operator.length_hint([1, 2]), operator.length_hint(iter(range(4))), operator.length_hint(5, 7))
x = [1]; print(operator.iadd(x, [2]), x, operator.imul(2, 3), operator.call(max, 1, 5))
attempt('index', lambda: operator.index(1.5))
attempt('concat', lambda: operator.concat(1, 2))
attempt('indexOf', lambda: operator.indexOf([1], 5))
ig = operator.itemgetter(1); ig2 = operator.itemgetter(0, 2); ag = operator.attrgetter('real'); ag2 = operator.attrgetter('real', 'imag'); agd = operator.attrgetter('__class__.__name__')
print(ig('abc'), ig2('abc'), ag(3), ag2(1 + 2j), agd(5), ig, ig2, ag, ag2, agd)
mc = operator.methodcaller('split', ',', maxsplit=1); print(mc('a,b,c'), mc, operator.methodcaller('upper')('x'))
attempt('ig0', lambda: operator.itemgetter())
attempt('ag1', lambda: operator.attrgetter(1))
attempt('mc0', lambda: operator.methodcaller())
attempt('mc1', lambda: operator.methodcaller(1))
attempt('igmiss', lambda: operator.itemgetter(5)([1]))
print(sorted([(1, 'b'), (0, 'a'), (1, 'a')], key=operator.itemgetter(1, 0)), operator.__add__ is operator.add)

# heapq
h = []
for v in [5, 3, 8, 1, 9, 2, 7, 3]:
    heapq.heappush(h, v)
print(h, heapq.heappop(h), h, heapq.heappushpop(h, 0), heapq.heappushpop(h, 10), h, heapq.heapreplace(h, 4), h)
d = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]; heapq.heapify(d); print(d, [heapq.heappop(d) for _ in range(len(d))])
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, [5, 1, 8, 3]), heapq.nlargest(2, ['aa', 'b', 'ccc'], key=len), heapq.nsmallest(10, [3, 1]), heapq.nlargest(0, [1]))
print(heapq.nsmallest(3, [(1, 'a'), (1, 'b'), (0, 'c'), (1, 'c')], key=lambda t: t[0]), heapq.nlargest(3, [(1, 'a'), (1, 'b'), (0, 'c'), (1, 'c')], key=lambda t: t[0]))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), list(heapq.merge(['b', 'dd'], ['a', 'ccc'], key=len)), list(heapq.merge([5, 3], [4, 1], reverse=True)), list(heapq.merge()))
attempt('pop', lambda: heapq.heappop([]))
attempt('replace', lambda: heapq.heapreplace([], 1))
attempt('push', lambda: heapq.heappush((), 1))
t = [(2, 'b'), (1, 'a'), (2, 'a')]; heapq.heapify(t); print(t)

# bisect
a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 0), bisect.bisect(a, 9))
bisect.insort(a, 4); bisect.insort_left(a, 2); bisect.insort_right(a, 0); print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
attempt('lo', lambda: bisect.bisect([1], 1, -1))
