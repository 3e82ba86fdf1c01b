# compiler_check_compare runs on the folded tree (ast_opt.c): an `is` operand that folds to a
# constant other than None, True, False or Ellipsis is "a literal". Folded subscripts of
# constants (fold_subscr) are also merged with equal constants of the code object.
x = 'q'
n = 2
t = (1, 2)
print(x is 'q'[0])
print('ab'[0] is 'a')
print(n is 1 + 1)
print(x is 'ab' * 0)
print(n is not -1)
print(t is (1, 2))
print(t is ())
print(x is not None, x is ..., x is not True)
print(t is (1, []))
print(x is 'abc'[5] if False else 'not evaluated')
print(b'ab'[0] is 97)
print((1, 2, 3)[-1] is 3)
print(('a' + 'b')[1] is 'b')
print(x is not 'q'[True])
print('ä'[0] is 'ä', '\U0001F600x'[0] == '\U0001F600')
