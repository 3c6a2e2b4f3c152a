#!/usr/bin/env python3
"""Seeds storyboards of the given sizes through Kadr's API, then times each storyboard page from Kadr and the same
bytes from nginx, alternating in one run. Driven by bench/storyboard_speed.sh; only talks to 127.0.0.1.
Usage: storyboard_speed.py KADR_PORT NGINX_PORT NGINX_ROOT INPUT_DIR OUT_DIR SIZE...
"""

import http.client
import json
import os
import sys
import time
import uuid

KADR_PORT, NGINX_PORT = int(sys.argv[1]), int(sys.argv[2])
NGINX_ROOT, INPUTS, OUT_DIR = sys.argv[3], sys.argv[4], sys.argv[5]
SIZES = [int(s) for s in sys.argv[6:]]
WARMUP, RUNS, ROUNDS = 50, 500, 2
POOL_IMAGES, POOL_VIDEOS = 60, 30
TARGETS = {150: 15, 1000: 60}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


class Client:
    """One keep-alive connection; reconnects once if the server closed it."""

    def __init__(self, port, token=None):
        self.port, self.token = port, token
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def request(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        if isinstance(body, (dict, list)):
            body, h["Content-Type"] = json.dumps(body).encode(), "application/json"
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=h)
                resp = self.conn.getresponse()
                data = resp.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                if attempt == 1:
                    raise
        if resp.status >= 300:
            raise SystemExit(f"{method} {path} -> {resp.status}: {data[:300]!r}")
        return resp, data

    def api(self, method, path, body=None):
        _, data = self.request(method, "/api/v1" + path, body)
        return json.loads(data) if data else None


def percentile(values, p):
    """Nearest-rank percentile of sorted values."""
    return values[max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))]


def upload(kadr, shot_id, path, mime):
    with open(path, "rb") as f:
        content = f.read()
    boundary = uuid.uuid4().hex
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{os.path.basename(path)}"\r\n'
        f"Content-Type: {mime}\r\n\r\n"
    ).encode() + content + f"\r\n--{boundary}--\r\n".encode()
    _, data = kadr.request("POST", f"/api/v1/shots/{shot_id}/assets", body,
                           {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    return json.loads(data)[0]["id"]


def await_ready(kadr, asset_ids, label):
    pending = set(asset_ids)
    while pending:
        for aid in sorted(pending):
            status = kadr.api("GET", f"/assets/{aid}")["mediaStatus"]
            if status == "ready":
                pending.discard(aid)
            elif status not in ("processing", "pending", "queued"):
                raise SystemExit(f"asset {aid} ended {status}")
        if pending:
            log(f"  {label}: {len(pending)} assets processing")
            time.sleep(5)


def seed_pool(kadr, images, videos):
    """Distinct takes uploaded and processed once; the storyboards get copies of them (same files, no new work)."""
    pid = kadr.api("POST", "/projects", {"name": "Исходники"})["id"]
    shot = kadr.api("POST", f"/projects/{pid}/shots", {"title": "Исходники"})["id"]
    pool = {False: [upload(kadr, shot, p, "image/jpeg") for p in images[:POOL_IMAGES]],
            True: [upload(kadr, shot, p, "video/mp4") for p in videos[:POOL_VIDEOS]]}
    await_ready(kadr, pool[False] + pool[True], "pool")
    return pool


def seed(kadr, size, pool):
    """A project of `size` shots, each with its own headliner (a copy of a pooled take); every third one a video."""
    pid = kadr.api("POST", "/projects", {"name": f"Скорость {size}"})["id"]
    heads = []
    for n in range(size):
        shot = kadr.api("POST", f"/projects/{pid}/shots", {"title": f"Шот {n + 1}: длинное название кадра"})["id"]
        takes = pool[n % 3 == 2]
        copy = kadr.api("POST", f"/assets/{takes[n % len(takes)]}/copy", {"shotId": shot})["id"]
        heads.append((shot, copy))
    await_ready(kadr, [a for _, a in heads], str(size))
    for sid, aid in heads:
        kadr.api("PATCH", f"/shots/{sid}", {"headlinerAssetId": aid})
    log(f"  {size}: seeded")
    return pid


def timed(client, path, encoding):
    headers = {"Accept-Encoding": encoding}
    for _ in range(WARMUP):
        client.request("GET", path, headers=headers)
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        client.request("GET", path, headers=headers)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {"p50": percentile(times, 50), "p95": percentile(times, 95), "p99": percentile(times, 99), "min": times[0]}


def main():
    kadr = Client(KADR_PORT)
    user = {"username": "speed", "password": "speed-password-123", "displayName": "Speed"}
    kadr.api("POST", "/auth/signup", user)
    kadr.token = kadr.api("POST", "/auth/tokens", {"username": "speed", "password": user["password"], "name": "b"})["token"]
    images = sorted(os.path.join(INPUTS, "img", f) for f in os.listdir(os.path.join(INPUTS, "img")))
    videos = sorted(os.path.join(INPUTS, "vid", f) for f in os.listdir(os.path.join(INPUTS, "vid")))
    pool = seed_pool(kadr, images, videos)
    projects = {size: seed(kadr, size, pool) for size in SIZES}

    nginx = Client(NGINX_PORT)
    pages = {}
    for size, pid in projects.items():
        _, html = kadr.request("GET", f"/projects/{pid}", headers={"Accept-Encoding": "identity"})
        assert html.count(b"<img") >= size, f"{size}: page shows {html.count(b'<img')} images"
        with open(os.path.join(NGINX_ROOT, f"p{size}.html"), "wb") as f:
            f.write(html)
        pages[size] = len(html)
        _, served = nginx.request("GET", f"/p{size}.html", headers={"Accept-Encoding": "identity"})
        assert served == html

    results = []
    for rnd in range(1, ROUNDS + 1):
        for size, pid in projects.items():
            for encoding in ("gzip", "identity"):
                load = open("/proc/loadavg").read().split()[0]
                k = timed(kadr, f"/projects/{pid}", encoding)
                n = timed(nginx, f"/p{size}.html", encoding)
                results.append((rnd, size, encoding, load, k, n))
                log(f"  round {rnd}, {size} shots, {encoding}: Kadr p95 {k['p95']:.1f} ms, nginx p95 {n['p95']:.1f} ms")

    lines = [f"Storyboard page beside nginx ({WARMUP} warm-up + {RUNS} sequential keep-alive GETs each, alternating)",
             "| Round | Shots | HTML B | Accept-Encoding | load avg | Kadr p50 / p95 / p99 ms | nginx p50 / p95 / p99 ms | Kadr p95 target |",
             "|---|---|---|---|---|---|---|---|"]
    for rnd, size, encoding, load, k, n in results:
        target = TARGETS.get(size)
        verdict = "" if target is None else f"<= {target} ms {'PASS' if k['p95'] <= target else 'FAIL'}"
        lines.append(f"| {rnd} | {size} | {pages[size]} | {encoding} | {load} | {k['p50']:.1f} / {k['p95']:.1f} / "
                     f"{k['p99']:.1f} | {n['p50']:.1f} / {n['p95']:.1f} / {n['p99']:.1f} | {verdict} |")
    report = "\n".join(lines)
    print(report)
    with open(os.path.join(OUT_DIR, f"storyboard-speed-{time.strftime('%Y%m%d-%H%M%S')}.md"), "w") as f:
        f.write(report + "\n")


if __name__ == "__main__":
    main()
