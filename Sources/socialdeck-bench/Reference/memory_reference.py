"""The memory-recall reference: the same items and queries through Python's sqlite3 and
an FTS5 table, the way a Python user would write it: MATCH on the query's words, the
organization and kinds as unindexed columns, ranked by bm25, three results, and each
result's use counted in the same transaction. socialdeck-bench runs it in the same run
and prints the ratio."""
import json
import re
import sqlite3
import sys
import time


def main():
    params = json.load(open(sys.argv[1]))
    items = [json.loads(line) for line in open(params["items"])]
    db = sqlite3.connect(params["database"], isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE VIRTUAL TABLE memory USING fts5(body, org UNINDEXED, kind UNINDEXED, "
               "tokenize = 'unicode61 remove_diacritics 2')")
    db.execute("CREATE TABLE uses (id INTEGER PRIMARY KEY, uses INTEGER NOT NULL, last TEXT)")
    db.execute("BEGIN")
    for n, item in enumerate(items, 1):
        db.execute("INSERT INTO memory(rowid, body, org, kind) VALUES (?, ?, ?, ?)", (n, item["text"], item["org"], item["kind"]))
        db.execute("INSERT INTO uses VALUES (?, 0, NULL)", (n,))
    db.execute("COMMIT")
    search = "SELECT rowid, body FROM memory WHERE memory MATCH ? AND org = ? AND kind IN ('winner', 'insight') ORDER BY bm25(memory) LIMIT 3"

    stop = set(params["stopwords"])

    def match(q):
        return " OR ".join('"%s"' % w for w in sorted(set(re.findall(r"\w+", q["query"].lower())) - stop))

    searches = []
    for q in params["queries"]:
        start = time.perf_counter()
        db.execute(search, (match(q), q["org"])).fetchall()
        searches.append(time.perf_counter() - start)
    searches.sort()
    times = []
    found = 0
    for q in params["queries"]:
        start = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        rows = db.execute(search, (match(q), q["org"])).fetchall()
        db.executemany("UPDATE uses SET uses = uses + 1, last = ? WHERE id = ?", [(params["now"], r[0]) for r in rows])
        db.execute("COMMIT")
        times.append(time.perf_counter() - start)
        found += len(rows)
    times.sort()
    json.dump({"p50_ms": times[len(times) // 2] * 1000, "p99_ms": times[int(len(times) * 0.99)] * 1000,
               "search_p50_ms": searches[len(searches) // 2] * 1000, "search_p99_ms": searches[int(len(searches) * 0.99)] * 1000,
               "found": found}, sys.stdout)


main()
