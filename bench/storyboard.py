#!/usr/bin/env python3
"""Seeds one storyboard of 150 shots through Kadr's API and measures the storyboard page.

Driven by bench/storyboard.sh, which starts the app; only talks to 127.0.0.1. Standard library only.
Usage: storyboard.py PORT PHOTO_DIR VIDEO_DIR OUT_DIR
"""

import gzip
import http.client
import json
import os
import re
import statistics
import sys
import time
import uuid

PORT = int(sys.argv[1])
PHOTO_DIR, VIDEO_DIR, OUT_DIR = sys.argv[2], sys.argv[3], sys.argv[4]
IMAGES, VIDEOS = 100, 50
WARMUP, RUNS = 50, 500
READY_TIMEOUT_S = 1800
TARGETS = {"p95_ms": 50, "first_view_kb": 150, "median_thumb_kb": 40, "hover_kb": 400}

conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
token = None


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def request(method, path, body=None, headers=None, expect=(200, 201)):
    global conn
    h = dict(headers or {})
    if token:
        h["Authorization"] = "Bearer " + token
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    for attempt in range(3):
        try:
            conn.request(method, path, body=body, headers=h)
            resp = conn.getresponse()
            data = resp.read()
            break
        except (http.client.HTTPException, ConnectionError):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
            if attempt == 2:
                raise
    if resp.status not in expect:
        raise SystemExit(f"{method} {path} -> {resp.status}: {data[:500]!r}")
    return resp, data


def api(method, path, body=None):
    _, data = request(method, "/api/v1" + path, body)
    return json.loads(data) if data else None


def upload(shot_id, file_path, mime):
    boundary = uuid.uuid4().hex
    with open(file_path, "rb") as f:
        content = f.read()
    name = os.path.basename(file_path)
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        f"Content-Type: {mime}\r\n\r\n"
    ).encode() + content + f"\r\n--{boundary}--\r\n".encode()
    _, data = request(
        "POST",
        f"/api/v1/shots/{shot_id}/assets",
        body,
        {"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    return json.loads(data)[0]


def percentile(sorted_values, p):
    """Nearest-rank percentile."""
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def main():
    global token
    os.makedirs(OUT_DIR, exist_ok=True)
    started = time.monotonic()
    user = {"username": "bench", "password": "bench-password-123", "displayName": "Bench"}
    api("POST", "/auth/signup", user)
    token = api("POST", "/auth/tokens", {"username": user["username"], "password": user["password"], "name": "bench"})[
        "token"
    ]
    project = api("POST", "/projects", {"name": "Benchmark storyboard"})
    pid = project["id"]

    photos = sorted(os.path.join(PHOTO_DIR, f) for f in os.listdir(PHOTO_DIR) if f.endswith(".jpg") and ".part." not in f)[:IMAGES]
    videos = sorted(os.path.join(VIDEO_DIR, f) for f in os.listdir(VIDEO_DIR) if f.endswith(".mp4") and ".part." not in f)[:VIDEOS]
    assert len(photos) == IMAGES and len(videos) == VIDEOS, (len(photos), len(videos))
    # Interleave: every third shot is a video, as in a real storyboard.
    files, pi, vi = [], 0, 0
    for n in range(IMAGES + VIDEOS):
        if n % 3 == 2 and vi < VIDEOS:
            files.append((videos[vi], "video/mp4", "video"))
            vi += 1
        else:
            files.append((photos[pi], "image/jpeg", "image"))
            pi += 1

    shots = []  # (shot id, asset id, kind)
    for n, (path, mime, kind) in enumerate(files):
        shot = api("POST", f"/projects/{pid}/shots", {"title": f"Shot {n + 1}"})
        asset = upload(shot["id"], path, mime)
        shots.append((shot["id"], asset["id"], kind))
        if (n + 1) % 25 == 0:
            log(f"  uploaded {n + 1}/{len(files)}")
    uploaded = time.monotonic()

    log("  waiting for media processing...")
    pending = {a for _, a, _ in shots}
    assets = {}
    deadline = time.monotonic() + READY_TIMEOUT_S
    while pending:
        if time.monotonic() > deadline:
            raise SystemExit(f"{len(pending)} assets still not ready after {READY_TIMEOUT_S} s")
        for aid in sorted(pending):
            a = api("GET", f"/assets/{aid}")
            if a["mediaStatus"] == "ready":
                assets[aid] = a
                pending.discard(aid)
            elif a["mediaStatus"] not in ("processing", "pending", "queued"):
                raise SystemExit(f"asset {aid} ended {a['mediaStatus']}: {a.get('brokenReason')}")
        if pending:
            log(f"  {len(pending)} assets processing")
            time.sleep(5)
    processed = time.monotonic()

    for sid, aid, _ in shots:
        api("PATCH", f"/shots/{sid}", {"headlinerAssetId": aid})

    # First view: the page and the CSS/JS it references, without images (thumbnails come after).
    page = f"/projects/{pid}"
    _, html = request("GET", page)
    html_text = html.decode()
    img_count = len(re.findall(r"<img\b", html_text))
    assert img_count >= IMAGES + VIDEOS, f"page shows {img_count} images, expected {IMAGES + VIDEOS}"
    refs = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html_text)
    refs += re.findall(r'<script[^>]+src="([^"]+)"', html_text)
    first_view = []
    for path in [page] + refs:
        _, raw = request("GET", path, headers={"Accept-Encoding": "identity"})
        resp, gz = request("GET", path, headers={"Accept-Encoding": "gzip"})
        encoded = resp.getheader("Content-Encoding") == "gzip"
        if encoded:
            assert len(gzip.decompress(gz)) == len(raw), path
        first_view.append(
            (path, len(raw), len(gz), encoded, resp.getheader("Content-Type"), resp.getheader("Cache-Control"))
        )

    # Sizes of the derived files of the 150 headliners.
    thumbs, hovers = [], []
    for _, aid, kind in shots:
        urls = assets[aid]["urls"]
        _, t = request("GET", urls["thumb"])
        thumbs.append(len(t))
        if kind == "video":
            _, h = request("GET", urls["hover"])
            hovers.append(len(h))

    # Server time of the page: sequential keep-alive GETs, timed around request + full body read.
    def timed(encoding):
        hdr = {"Accept-Encoding": encoding}
        for _ in range(WARMUP):
            request("GET", page, headers=hdr)
        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            request("GET", page, headers=hdr)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        return {
            "p50": percentile(times, 50),
            "p95": percentile(times, 95),
            "p99": percentile(times, 99),
            "min": times[0],
            "max": times[-1],
            "mean": statistics.fmean(times),
        }

    lat_gzip = timed("gzip")
    lat_plain = timed("identity")
    finished = time.monotonic()

    kb = lambda b: b / 1024  # noqa: E731
    raw_total = sum(v[1] for v in first_view)
    gz_total = sum(v[2] for v in first_view)
    med_thumb, max_thumb = statistics.median(thumbs), max(thumbs)
    med_hover, max_hover = statistics.median(hovers), max(hovers)
    ok = lambda cond: "PASS" if cond else "FAIL"  # noqa: E731

    lines = []
    out = lines.append
    out(f"Storyboard: 1 project, {len(shots)} shots ({IMAGES} image + {VIDEOS} video headliners), page {len(html)} B")
    out(
        f"Seeding: upload {uploaded - started:.0f} s, processing wait {processed - uploaded:.0f} s, "
        f"measuring {finished - processed:.0f} s"
    )
    out("")
    out(f"GET /projects/{{id}}: {WARMUP} warm-up + {RUNS} sequential keep-alive requests (python http.client, perf_counter)")
    out("| Accept-Encoding | p50 ms | p95 ms | p99 ms | min ms | max ms | mean ms |")
    out("|---|---|---|---|---|---|---|")
    for name, lat in (("gzip", lat_gzip), ("identity", lat_plain)):
        out(
            f"| {name} | {lat['p50']:.1f} | {lat['p95']:.1f} | {lat['p99']:.1f} | {lat['min']:.1f} | "
            f"{lat['max']:.1f} | {lat['mean']:.1f} |"
        )
    out("")
    out("First view (before thumbnails):")
    out("| Resource | raw B | gzip B | gzipped by server | Content-Type | Cache-Control |")
    out("|---|---|---|---|---|---|")
    for path, r, g, enc, ct, cc in first_view:
        shown = re.sub(r"/projects/[^/]+$", "/projects/{id}", path)
        out(f"| {shown} | {r} | {g} | {'yes' if enc else 'no'} | {ct} | {cc} |")
    out(f"| total | {raw_total} ({kb(raw_total):.1f} KB) | {gz_total} ({kb(gz_total):.1f} KB) | | | |")
    out("")
    out("| Metric | Measured | Target | Result |")
    out("|---|---|---|---|")
    out(f"| Storyboard page p95 (gzip) | {lat_gzip['p95']:.1f} ms | <= {TARGETS['p95_ms']} ms | {ok(lat_gzip['p95'] <= TARGETS['p95_ms'])} |")
    out(
        f"| First view HTML+CSS+JS (gzip transferred) | {kb(gz_total):.1f} KB (raw {kb(raw_total):.1f} KB) | "
        f"<= {TARGETS['first_view_kb']} KB | {ok(kb(gz_total) <= TARGETS['first_view_kb'])} |"
    )
    out(
        f"| Median thumbnail ({len(thumbs)} headliners) | {kb(med_thumb):.1f} KB (max {kb(max_thumb):.1f} KB) | "
        f"<= {TARGETS['median_thumb_kb']} KB | {ok(kb(med_thumb) <= TARGETS['median_thumb_kb'])} |"
    )
    out(
        f"| Hover clip ({len(hovers)} videos) | median {kb(med_hover):.1f} KB, max {kb(max_hover):.1f} KB | "
        f"<= {TARGETS['hover_kb']} KB | {ok(kb(max_hover) <= TARGETS['hover_kb'])} (max) |"
    )
    report = "\n".join(lines)
    print(report)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    with open(os.path.join(OUT_DIR, f"storyboard-{stamp}.md"), "w") as f:
        f.write(report + "\n")
    with open(os.path.join(OUT_DIR, f"storyboard-{stamp}.json"), "w") as f:
        json.dump(
            {
                "latency_gzip_ms": lat_gzip,
                "latency_identity_ms": lat_plain,
                "first_view": first_view,
                "thumb_bytes": thumbs,
                "hover_bytes": hovers,
                "image_thumb_bytes": [t for t, (_, _, k) in zip(thumbs, shots) if k == "image"],
                "video_thumb_bytes": [t for t, (_, _, k) in zip(thumbs, shots) if k == "video"],
            },
            f,
            indent=1,
        )


if __name__ == "__main__":
    main()
