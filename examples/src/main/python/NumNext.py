# Seed 001, section 1, in prose: "you can use next(), but generally use a for loop".
# The same num(x), resumed with next(), then by a for loop, until StopIteration.
def num(x):
    while (x < 10):
        yield x * x
        x += 1
g = num(1)
print(next(g))
print(next(g))
for item in g:  # goes on where next() left off
    print(item)
try:
    next(g)
except StopIteration:
    print('StopIteration')
