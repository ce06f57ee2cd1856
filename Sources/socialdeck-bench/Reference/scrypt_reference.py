"""The sign-in reference: the same scrypt derivation through Python's hashlib
(OpenSSL underneath), so the ratio shows what socialdeck's sign-in adds to the KDF."""
import hashlib
import json
import os
import statistics
import sys
import time

params = json.load(open(sys.argv[1]))
times = []
for _ in range(params["runs"]):
    salt = os.urandom(16)
    t = time.perf_counter()
    hashlib.scrypt(b"socialdeck-demo", salt=salt, n=2 ** params["logN"], r=params["r"], p=params["p"],
                   maxmem=256 * 1024 * 1024, dklen=32)
    times.append((time.perf_counter() - t) * 1000)
json.dump({"ms_p50": statistics.median(times)}, sys.stdout)
