#!/usr/bin/env python3
"""The hand-written peer of cwsync's first sync: what a trader would script instead.

Standard library only: one kept-alive http.client connection, json, and sqlite3 with one
executemany and one commit per page. It walks /order/inactive in createTime windows from now
back over the horizon, following totalPage, as the sync engine does, and prints one JSON line:
{"orders": N, "requests": R, "seconds": S, "cpuSeconds": C}.

    peer-sync.py BASE_URL TOKEN OWNER DATABASE [HORIZON_DAYS WINDOW_DAYS PAGE_SIZE]
"""
import http.client
import json
import resource
import sqlite3
import sys
import time
import urllib.parse


def main():
    base, token, owner, database = sys.argv[1:5]
    horizon_days, window_days, page_size = (int(a) for a in (sys.argv[5:8] or ["90", "1", "1000"]))
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("""CREATE TABLE IF NOT EXISTS orders (
        street_order_id TEXT PRIMARY KEY, order_type TEXT, symbol TEXT, side TEXT, owner TEXT, counter_party TEXT,
        price TEXT, quantity TEXT, filled_price TEXT, filled_quantity TEXT, execution_type TEXT,
        create_time INTEGER, processed_time INTEGER)""")
    headers = {"Accept": "application/json", "Authorization": "Bearer " + token}
    started, usage = time.monotonic(), resource.getrusage(resource.RUSAGE_SELF)
    now = int(time.time() * 1000)
    bottom, window = now - horizon_days * 86_400_000, window_days * 86_400_000
    top, orders, requests = now, 0, 0
    while top >= bottom:
        window_bottom = max(bottom, top - window + 1)
        page = 0
        while True:
            query = urllib.parse.urlencode({"owner": owner, "startTime": window_bottom, "endTime": top, "pageIndex": page, "pageSize": page_size})
            connection.request("GET", url.path + "/order/inactive?" + query, headers=headers)
            response = connection.getresponse()
            body = response.read()
            requests += 1
            if response.status != 200:
                sys.exit(f"peer-sync: HTTP {response.status}: {body[:200]!r}")
            data = json.loads(body)["data"]
            rows = [(o["streetOrderId"], o["orderType"], o["symbol"], o["side"], o["owner"], o["counterParty"], o["price"],
                     o["quantity"], o["filledPrice"], o["filledQuantity"], o["executionType"], o["createTime"], o["processedTime"])
                    for o in data["content"]]
            db.executemany("INSERT OR REPLACE INTO orders VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            db.commit()
            orders += len(rows)
            page += 1
            if not rows or page >= data["totalPage"]:
                break
        top = window_bottom - 1
    elapsed, end = time.monotonic() - started, resource.getrusage(resource.RUSAGE_SELF)
    cpu = (end.ru_utime - usage.ru_utime) + (end.ru_stime - usage.ru_stime)
    print(json.dumps({"orders": orders, "requests": requests, "seconds": elapsed, "cpuSeconds": cpu}))


if __name__ == "__main__":
    main()
