"""The MongoDB reference: the same work through pymongo against the same server,
on the same documents, in the same run as socialdeck-bench."""
import json
import statistics
import sys
import time

from bson import json_util
from pymongo import ASCENDING, MongoClient, ReturnDocument


def main():
    params = json.load(open(sys.argv[1]))
    docs = [json_util.loads(line) for line in open(params["documents"])]
    client = MongoClient(params["uri"], serverSelectionTimeoutMS=5000)
    coll = client.get_default_database(params["database"])["content"]
    for keys in params["indexes"]:  # the indexes socialdeck keeps on content
        coll.create_index([(path, direction) for path, direction in keys])
    out = {}

    start = time.perf_counter()
    for i in range(0, len(docs), 1000):
        coll.insert_many(docs[i:i + 1000], ordered=True)
    out["insert_per_s"] = len(docs) / (time.perf_counter() - start)

    from bson import ObjectId
    ids = [ObjectId(h) for h in params["lookup_ids"]]
    start = time.perf_counter()
    for oid in ids:
        coll.find_one({"_id": oid, "deletedAt": None})  # the same query: soft-deleted posts are not found
    out["find_by_id_per_s"] = len(ids) / (time.perf_counter() - start)

    orgs = [ObjectId(h) for h in params["organizations"]]
    times = []
    for n in range(params["queue_queries"]):
        t = time.perf_counter()
        list(coll.find({"organizationId": orgs[n % len(orgs)], "approval.status": "pending", "deletedAt": None})
             .sort([("platforms.scheduledAt", ASCENDING)]).limit(50))
        times.append((time.perf_counter() - t) * 1000)
    out["queue_ms_p50"] = statistics.median(times)
    out["queue_ms_p99"] = sorted(times)[int(len(times) * 0.99) - 1]

    horizon = json_util.loads(json.dumps({"$date": params["claim_horizon"]}))
    claimed = 0
    start = time.perf_counter()
    for _ in range(params["claims"]):
        doc = coll.find_one_and_update(
            {"platforms": {"$elemMatch": {"status": "scheduled", "scheduledAt": {"$lte": horizon}}},
             "claimedBy": None, "deletedAt": None},
            {"$set": {"claimedBy": "bench"}}, sort=[("platforms.scheduledAt", ASCENDING)],
            return_document=ReturnDocument.AFTER)
        if doc is None:
            break
        claimed += 1
    out["claims_per_s"] = claimed / (time.perf_counter() - start)
    out["claimed"] = claimed
    json.dump(out, sys.stdout)


main()
