"""The staff views' reference: the same work in Python over sqlite3.

Customer search: the people with their organization in one plain table, indexed on
each field, searched keystroke by keystroke the way a Python admin tool would write
it: every word must begin one of the fields (LIKE 'word%' on email, names,
organization name and slug), or the whole query is inside the email, 50 rows.

Revenue: the same subscriptions (extended JSON, one per line) in a table, read back
and replayed: MRR at the end of each of 24 months and now, with ARPU, churn and NRR
over the last 30 days, as socialdeck's report computes them."""
import json
import sqlite3
import sys
import time
from datetime import datetime, timedelta, timezone

PRICE = {"Free": 0.0, "Pro": 49.0, "Enterprise": 299.0}


def when(value):
    if isinstance(value, dict):
        value = value["$date"]
        if isinstance(value, dict):
            return datetime.fromtimestamp(int(value["$numberLong"]) / 1000, timezone.utc)
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def timeline(sub):
    """(start, monthly) periods, the way socialdeck's RevenueTimeline builds them."""
    plan = sub["plan"]
    own = plan["price"] / 12 if plan["interval"] == "year" else plan["price"]
    monthly = lambda tier: 0.0 if tier is None else (own if tier == plan["name"] else PRICE[tier])
    periods, current, pending = [], None, None
    for entry in sorted(sub.get("history", []), key=lambda e: when(e["date"])):
        date = when(entry["date"])
        if pending is not None and pending <= date:
            current = None
            periods.append((pending, 0.0))
        pending = None
        if entry["action"] == "cancelled":
            effective = when(entry["effectiveAt"]) if entry.get("effectiveAt") else None
            if effective is not None and effective > date:
                pending = effective
                continue
            current = None
        else:
            current = entry.get("toPlan") or current
        periods.append((date, monthly(current)))
    if pending is not None:
        periods.append((pending, 0.0))
    return periods


def at(periods, date):
    value = 0.0
    for start, monthly in periods:
        if start <= date:
            value = monthly
        else:
            break
    return value


def revenue(db, now):
    subs = [json.loads(row[0]) for row in db.execute("SELECT doc FROM subscriptions")]
    lines = [timeline(s) for s in subs]
    mrr = sum(at(p, now) for p in lines)
    month = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    trend = []
    for back in range(23, -1, -1):
        y, m = month.year, month.month - back
        while m <= 0:
            y, m = y - 1, m + 12
        start = month.replace(year=y, month=m)
        end = now if back == 0 else (start.replace(year=y + (m == 12), month=m % 12 + 1) - timedelta(seconds=1))
        trend.append(sum(at(p, end) for p in lines))
    ago = now - timedelta(days=30)
    cohort = [p for p in lines if at(p, ago) > 0]
    paying = sum(1 for p in lines if at(p, now) > 0)
    nrr = sum(at(p, now) for p in cohort) / max(1e-9, sum(at(p, ago) for p in cohort))
    return mrr, trend, mrr / max(1, paying), nrr


def main():
    params = json.load(open(sys.argv[1]))
    db = sqlite3.connect(params["database"], isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE customers (email TEXT, first TEXT, last TEXT, org TEXT, slug TEXT)")
    for column in ["email", "first", "last", "org", "slug"]:
        db.execute(f"CREATE INDEX customers_{column} ON customers({column} COLLATE NOCASE)")
    db.execute("BEGIN")
    db.executemany("INSERT INTO customers VALUES (:email, :first, :last, :org, :slug)", params["customers"])
    db.execute("CREATE TABLE subscriptions (doc TEXT)")
    db.executemany("INSERT INTO subscriptions VALUES (?)", [(line,) for line in open(params["subscriptions"]) if line.strip()])
    db.execute("COMMIT")

    times = []
    for q in params["queries"]:
        words = [w for w in q.lower().replace("@", " ").replace(".", " ").split() if w] or [q.lower()]
        clause = " AND ".join("(email LIKE ? OR first LIKE ? OR last LIKE ? OR org LIKE ? OR slug LIKE ?)" for _ in words)
        args = [a for w in words for a in [w + "%"] * 5]
        start = time.perf_counter()
        db.execute(f"SELECT email, first, last, org, slug FROM customers WHERE ({clause}) OR email LIKE ? ORDER BY email LIMIT 50",
                   args + ["%" + q.lower() + "%"]).fetchall()
        times.append(time.perf_counter() - start)
    times.sort()

    now = datetime.fromisoformat(params["now"].replace("Z", "+00:00"))
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        mrr, trend, arpu, nrr = revenue(db, now)
        runs.append(time.perf_counter() - start)
    runs.sort()
    json.dump({"search_p50_ms": times[len(times) // 2] * 1000, "search_p99_ms": times[int(len(times) * 0.99)] * 1000,
               "revenue_p50_ms": runs[len(runs) // 2] * 1000, "mrr": mrr}, sys.stdout)


main()
