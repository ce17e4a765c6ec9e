# Python's greenlet, measured as GreenletBenchmark measures Weft's: one operation is a round trip
# (main switches to a partner greenlet, which switches straight back), the best of 5 timeit
# repeats of 1,000,000 round trips. Run: /usr/bin/python3 benchmarks/src/main/python/greenlet_switch.py
import sys
import timeit

import greenlet


def partner():
    main = greenlet.getcurrent().parent
    while True:
        main.switch()


g = greenlet.greenlet(partner)
g.switch()
n = 1_000_000
best = min(timeit.repeat(g.switch, number=n, repeat=5))
print(f"python {sys.version.split()[0]}, greenlet {greenlet.__version__}: "
      f"{best / n * 1e9:.1f} ns per round trip, {best / n / 2 * 1e9:.1f} ns per switch")
