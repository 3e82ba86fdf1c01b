import time
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.01)
print(time.time() >= t0, time.monotonic() > m0, time.perf_counter() > p0)
print(type(time.time_ns()).__name__, time.strftime('%Y', time.gmtime(0)), time.gmtime(86400 * 365).tm_year)
print(time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(1234567890)))
