"""The audit viewer's reference: the same number of entries in a plain sqlite3 table,
indexed on time and on (staff member, time), and the first page of 50 newest first:
unfiltered, by one staff member, and by an action one entry in a thousand has."""
import json
import sqlite3
import sys
import time


def main():
    params = json.load(open(sys.argv[1]))
    n = params["entries"]
    db = sqlite3.connect(params["database"], isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE audit (id INTEGER PRIMARY KEY, staff INTEGER, action TEXT, target TEXT, reason TEXT, ts REAL, severity TEXT)")
    db.execute("CREATE INDEX audit_ts ON audit(ts DESC)")
    db.execute("CREATE INDEX audit_staff ON audit(staff, ts DESC)")
    actions = ["user_suspended", "user_activated", "account_unlocked", "content_approved", "subscription_upgraded", "ticket_replied"]
    db.execute("BEGIN")
    db.executemany("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?)",
                   ((i, i % 20, "two_factor_reset" if i % 1000 == 999 else actions[i % len(actions)], "t%d" % i, "bench %d" % i,
                     float(i * 2), "warning" if i % 50 == 0 else "info") for i in range(n)))
    db.execute("COMMIT")

    def timed(sql, args=()):
        runs = []
        for _ in range(30):
            start = time.perf_counter()
            db.execute(sql, args).fetchall()
            runs.append(time.perf_counter() - start)
        runs.sort()
        return runs[len(runs) // 2] * 1000, runs[int(len(runs) * 0.99)] * 1000

    plain = timed("SELECT * FROM audit ORDER BY ts DESC, id DESC LIMIT 51")
    staff = timed("SELECT * FROM audit WHERE staff = ? ORDER BY ts DESC, id DESC LIMIT 51", (3,))
    rare = timed("SELECT * FROM audit WHERE action = ? ORDER BY ts DESC, id DESC LIMIT 51", ("two_factor_reset",))
    json.dump({"plain_p50_ms": plain[0], "plain_p99_ms": plain[1], "staff_p50_ms": staff[0], "rare_p50_ms": rare[0]}, sys.stdout)


main()
