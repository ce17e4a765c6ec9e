# Seed 002, "greenlet 实现协程": two functions switch to each other by hand; greenlet keeps each
# one's whole call stack. Needs the greenlet package (Debian: apt-get install python3-greenlet).
from greenlet import greenlet
def func1():
    print(1.1)
    gr2.switch()
    print(1.2)
    gr2.switch()
    
def func2():
    print(2.1)
    gr1.switch()
    print(2.2)

gr1 = greenlet(func1)
gr2 = greenlet(func2)

gr1.switch()
