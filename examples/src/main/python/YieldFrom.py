# Seed 002 ("Python异步编程"), "yield 实现协程": yield from.
def func1():
    yield 1
    yield from func2()
    yield 2

def func2():
    yield 3
    yield 4

iterator = func1()
for i in iterator:
    print(i)
