#!/usr/bin/env python3
"""Survey page load (issue 16): N customers invited, then their answers POSTed to /s/{token} by C parallel clients
at a target rate; reports answers/s, latency percentiles and checks every answer landed as a survey record.

  java -jar server/target/strata-server.jar --strata.data=/tmp/strata-bench --strata.admin.password=bench-admin-1 \
       --strata.surveys.per-address=1000000 --strata.runs.after-import=false &
  python3 bench/survey-answers.py --customers 6000 --rate 200 --seconds 30 --clients 16

The rate limit per address must be lifted: every request comes from 127.0.0.1. Standard library only.
"""
import argparse, http.client, json, random, statistics, threading, time, urllib.parse

def api(host, port, method, path, body=None, token=None):
    c = http.client.HTTPConnection(host, port, timeout=120)
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = "Bearer " + token
    c.request(method, path, json.dumps(body) if body is not None else None, headers)
    r = c.getresponse(); data = r.read(); c.close()
    if r.status >= 300: raise SystemExit(f"{method} {path}: {r.status} {data[:300]!r}")
    return json.loads(data) if data else None

MODEL = """tiers:
  - id: all
    name: {zh: 全部, en: All}
    when: true
    service:
      survey: {nps_every_days: 90, channel: sms}
"""

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1"); p.add_argument("--port", type=int, default=8080)
    p.add_argument("--password", default="bench-admin-1"); p.add_argument("--customers", type=int, default=6000)
    p.add_argument("--rate", type=float, default=200); p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--clients", type=int, default=16)
    a = p.parse_args()
    tok = api(a.host, a.port, "POST", "/api/v1/auth/login", {"username": "admin", "password": a.password})["token"]
    api(a.host, a.port, "PUT", "/api/v1/model", {"yaml": MODEL, "note": "bench"}, tok)
    ids = [f"S{i:07d}" for i in range(a.customers)]
    for i in range(0, len(ids), 5000):
        part = ids[i:i + 5000]
        api(a.host, a.port, "POST", "/api/v1/batch/customers", [{"id": c, "name": c, "owner": "bench"} for c in part], tok)
        api(a.host, a.port, "POST", "/api/v1/batch/transactions",
            [{"recordId": "t" + c, "customerId": c, "date": "2026-01-05", "amount": "100"} for c in part], tok)
    run = api(a.host, a.port, "POST", "/api/v1/runs", {"asOf": None}, tok)
    while api(a.host, a.port, "GET", f"/api/v1/runs/{run['id']}", None, tok)["status"] in ("queued", "running"):
        time.sleep(1)
    api(a.host, a.port, "POST", "/api/v1/surveys/invitations", {}, tok)
    links = api(a.host, a.port, "GET", f"/api/v1/surveys/invitations?status=open&limit={a.customers}", None, tok)
    paths = [urllib.parse.urlparse(l["url"]).path for l in links]
    total = min(len(paths), int(a.rate * a.seconds))
    before = len(api(a.host, a.port, "GET", "/api/v1/surveys/invitations?status=answered&limit=100000", None, tok))
    print(f"{len(paths)} open links; posting {total} answers at {a.rate}/s with {a.clients} clients")
    lat, bad, lock = [], [], threading.Lock()
    start = time.perf_counter() + 0.5
    def worker(k):
        c = http.client.HTTPConnection(a.host, a.port, timeout=30)
        for i in range(k, total, a.clients):
            wait = start + i / a.rate - time.perf_counter()  # open loop: each answer has its planned send time
            if wait > 0: time.sleep(wait)
            body = f"nps={random.randint(0, 10)}&comment=bench"
            t0 = time.perf_counter()
            c.request("POST", paths[i], body, {"Content-Type": "application/x-www-form-urlencoded"})
            r = c.getresponse(); r.read()
            with lock:
                lat.append((time.perf_counter() - (start + i / a.rate)) * 1000)
                if r.status != 200: bad.append(r.status)
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(a.clients)]
    for t in threads: t.start()
    for t in threads: t.join()
    took = time.perf_counter() - start
    lat.sort()
    q = lambda f: lat[min(len(lat) - 1, int(f * len(lat)))]
    print(f"answers {len(lat)} in {took:.1f} s = {len(lat) / took:.0f}/s; non-200: {len(bad)}")
    print(f"latency from planned send (ms): p50 {q(.5):.1f}  p90 {q(.9):.1f}  p99 {q(.99):.1f}  max {lat[-1]:.1f}")
    answered = api(a.host, a.port, "GET", "/api/v1/surveys/invitations?status=answered&limit=100000", None, tok)
    print(f"invitations answered by this run: {len(answered) - before} (expected {total - len(bad)})")

if __name__ == "__main__":
    main()
