"""The SQLite reference: the same work done the way a Python user would, with the
standard library's sqlite3 and json modules, JSON text in one column and
json_extract expression indexes. socialdeck-bench runs it on the same documents
in the same run and prints the ratio."""
import json
import sqlite3
import statistics
import sys
import time


def plain(value):
    """Relaxed Extended JSON to plain JSON: ObjectIds and dates become strings."""
    if isinstance(value, dict):
        if len(value) == 1 and "$oid" in value:
            return value["$oid"]
        if len(value) == 1 and "$date" in value:
            return value["$date"]
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def main():
    params = json.load(open(sys.argv[1]))
    docs = [plain(json.loads(line)) for line in open(params["documents"])]
    db = sqlite3.connect(params["database"], isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=" + params["synchronous"])
    db.execute("CREATE TABLE content (id TEXT PRIMARY KEY, data TEXT NOT NULL)")
    # The spec's content indexes that a json_extract expression can express (array paths cannot be indexed).
    db.execute("CREATE INDEX content_org_created ON content(json_extract(data,'$.organizationId'), json_extract(data,'$.createdAt') DESC)")
    db.execute("CREATE INDEX content_user_created ON content(json_extract(data,'$.userId'), json_extract(data,'$.createdAt') DESC)")
    db.execute("CREATE INDEX content_status ON content(json_extract(data,'$.approval.status'))")
    db.execute("CREATE INDEX content_org_status ON content(json_extract(data,'$.organizationId'), json_extract(data,'$.approval.status'))")
    out = {}

    start = time.perf_counter()
    for i in range(0, len(docs), 1000):
        db.execute("BEGIN")
        db.executemany("INSERT INTO content VALUES (?, ?)", [(d["_id"], json.dumps(d)) for d in docs[i:i + 1000]])
        db.execute("COMMIT")
    out["insert_per_s"] = len(docs) / (time.perf_counter() - start)

    start = time.perf_counter()
    for oid in params["lookup_ids"]:
        row = db.execute("SELECT data FROM content WHERE id = ? AND json_extract(data,'$.deletedAt') IS NULL", (oid,)).fetchone()
        json.loads(row[0])
    out["find_by_id_per_s"] = len(params["lookup_ids"]) / (time.perf_counter() - start)

    queue = ("SELECT data FROM content WHERE json_extract(data,'$.organizationId') = ? "
             "AND json_extract(data,'$.approval.status') = 'pending' AND json_extract(data,'$.deletedAt') IS NULL "
             "ORDER BY (SELECT min(json_extract(p.value,'$.scheduledAt')) FROM json_each(data,'$.platforms') p), id LIMIT 50")
    times = []
    for n in range(params["queue_queries"]):
        org = params["organizations"][n % len(params["organizations"])]
        t = time.perf_counter()
        [json.loads(r[0]) for r in db.execute(queue, (org,))]
        times.append((time.perf_counter() - t) * 1000)
    out["queue_ms_p50"] = statistics.median(times)
    out["queue_ms_p99"] = sorted(times)[int(len(times) * 0.99) - 1]

    pick = ("SELECT c.id, c.data FROM content c WHERE json_extract(c.data,'$.claimedBy') IS NULL "
            "AND json_extract(c.data,'$.deletedAt') IS NULL AND EXISTS (SELECT 1 FROM json_each(c.data,'$.platforms') p "
            "WHERE json_extract(p.value,'$.status') = 'scheduled' AND json_extract(p.value,'$.scheduledAt') <= ?) "
            "ORDER BY (SELECT min(json_extract(p.value,'$.scheduledAt')) FROM json_each(c.data,'$.platforms') p), c.id LIMIT 1")
    claimed = 0
    start = time.perf_counter()
    for _ in range(params["claims"]):
        db.execute("BEGIN IMMEDIATE")
        row = db.execute(pick, (params["claim_horizon"],)).fetchone()
        if row is None:
            db.execute("COMMIT")
            break
        doc = json.loads(row[1])
        doc["claimedBy"] = "bench"
        db.execute("UPDATE content SET data = ? WHERE id = ?", (json.dumps(doc), row[0]))
        db.execute("COMMIT")
        claimed += 1
    out["claims_per_s"] = claimed / (time.perf_counter() - start)
    out["claimed"] = claimed
    json.dump(out, sys.stdout)


main()
