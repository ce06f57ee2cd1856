"""The claims reference: publish jobs claimed one at a time with the store's raw
find-one-and-update, the way a Python user would write it. SQLite: the standard
library's sqlite3, JSON text, an expression index on (state, nextAttemptAt), one
BEGIN IMMEDIATE … COMMIT per claim at the same synchronous setting. MongoDB: pymongo's
find_one_and_update with the same index. socialdeck-bench runs it on the same jobs in
the same run and prints the ratio."""
import json
import sys
import time


def sqlite_claims(params, jobs):
    import sqlite3
    db = sqlite3.connect(params["database"], isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE publish_jobs (id TEXT PRIMARY KEY, data TEXT NOT NULL)")
    # The indexes socialdeck keeps on publish_jobs, so both sides maintain the same ones.
    db.execute("CREATE INDEX jobs_due ON publish_jobs(json_extract(data,'$.state'), json_extract(data,'$.nextAttemptAt'))")
    db.execute("CREATE INDEX jobs_post ON publish_jobs(json_extract(data,'$.contentId'), json_extract(data,'$.platform'))")
    db.execute("CREATE INDEX jobs_org ON publish_jobs(json_extract(data,'$.organizationId'), json_extract(data,'$.state'), "
               "json_extract(data,'$.dueAt'))")
    db.execute("CREATE INDEX jobs_owner ON publish_jobs(json_extract(data,'$.lease.owner'))")
    db.execute("BEGIN")
    db.executemany("INSERT INTO publish_jobs VALUES (?, ?)", [(j["_id"], json.dumps(j)) for j in jobs])
    db.execute("COMMIT")
    claim = ("UPDATE publish_jobs SET data = json_set(data, '$.state', 'publishing', '$.lease', json(?)) "
             "WHERE id = (SELECT id FROM publish_jobs WHERE json_extract(data,'$.state') = 'queued' "
             "AND json_extract(data,'$.nextAttemptAt') <= ? ORDER BY json_extract(data,'$.nextAttemptAt'), id LIMIT 1) "
             "RETURNING data")
    lease = json.dumps({"owner": "reference", "token": "t", "expiresAt": params["now"]})
    claimed = 0
    start = time.perf_counter()
    while True:
        db.execute("BEGIN IMMEDIATE")
        row = db.execute(claim, (lease, params["now"])).fetchone()
        db.execute("COMMIT")
        if row is None:
            break
        json.loads(row[0])
        claimed += 1
    return claimed, time.perf_counter() - start


def mongo_claims(params, jobs):
    from bson import json_util
    from pymongo import ASCENDING, MongoClient, ReturnDocument
    client = MongoClient(params["uri"], serverSelectionTimeoutMS=5000)
    coll = client.get_default_database(params["database"])["publish_jobs"]
    coll.create_index([("state", ASCENDING), ("nextAttemptAt", ASCENDING)])
    coll.create_index([("contentId", ASCENDING), ("platform", ASCENDING)])
    coll.create_index([("organizationId", ASCENDING), ("state", ASCENDING), ("dueAt", ASCENDING)])
    coll.create_index([("lease.owner", ASCENDING)])
    coll.insert_many([json_util.loads(json.dumps(j)) for j in jobs])
    now = json_util.loads(json.dumps({"d": {"$date": params["now"]}}))["d"]
    claimed = 0
    start = time.perf_counter()
    while coll.find_one_and_update({"state": "queued", "nextAttemptAt": {"$lte": now}},
                                   {"$set": {"state": "publishing", "lease": {"owner": "reference", "token": "t", "expiresAt": now}}},
                                   sort=[("nextAttemptAt", ASCENDING), ("_id", ASCENDING)],
                                   return_document=ReturnDocument.AFTER) is not None:
        claimed += 1
    elapsed = time.perf_counter() - start
    client.drop_database(params["database"])
    return claimed, elapsed


def main():
    params = json.load(open(sys.argv[1]))
    jobs = [json.loads(line) for line in open(params["jobs"])]
    if "uri" in params:
        claimed, elapsed = mongo_claims(params, jobs)
    else:
        for job in jobs:  # plain JSON for SQLite: ids and dates as strings
            for key in ("_id", "contentId", "organizationId", "authorId"):
                job[key] = job[key]["$oid"]
            for key in ("dueAt", "nextAttemptAt", "createdAt", "updatedAt"):
                job[key] = job[key]["$date"]
        claimed, elapsed = sqlite_claims(params, jobs)
    json.dump({"claims_per_s": claimed / elapsed, "claimed": claimed}, sys.stdout)


main()
