#!/usr/bin/env python3
"""Times Kadr's animatic export (wall time, peak memory) against plain ffmpeg concatenating the same prepared clips,
in one run. Driven by bench/animatic.sh; only talks to 127.0.0.1.
Usage: animatic.py KADR_PORT KADR_PID FFMPEG CLIP_DIR OUT_DIR SIZE...
Every shot's headliner is a copy of one of the prepared 1080p clips (picture and sound); the film of SIZE shots
is exported at 1080p. The baseline is one ffmpeg process reading the same clips, in the same order, through the
concat demuxer and encoding them with the same settings as the animatic (x264 veryfast CRF 20, AAC 160k).
Memory is sampled every 50 ms from /proc: Kadr's JVM and, separately, the sum of its ffmpeg children; the baseline's
ffmpeg alone.
"""

import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.argv, ARGS = sys.argv[:1] + ["0", "0", "", "", ""], sys.argv  # storyboard_speed reads its own argv at import
from storyboard_speed import Client, upload, await_ready, log  # noqa: E402

KADR_PORT, KADR_PID, FFMPEG = int(ARGS[1]), int(ARGS[2]), ARGS[3]
CLIPS, OUT_DIR = ARGS[4], ARGS[5]
SIZES = [int(s) for s in ARGS[6:]]


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(root):
    """Every live descendant of `root`."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid:
                found.append(child)
                frontier.append(child)
    return found


class Peak:
    """Samples the memory of a process and of its descendants until stopped."""

    def __init__(self, pid):
        self.pid, self.own, self.descendants, self.running = pid, 0, 0, True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while self.running:
            self.own = max(self.own, rss_kb(self.pid))
            self.descendants = max(self.descendants, sum(rss_kb(c) for c in children(self.pid)))
            time.sleep(0.05)

    def stop(self):
        self.running = False
        self.thread.join()
        return self


def kadr_animatic(kadr, clips, size):
    pid = kadr.api("POST", "/projects", {"name": f"Аниматик {size}"})["id"]
    shots = []
    for n in range(size):
        shot = kadr.api("POST", f"/projects/{pid}/shots", {"title": f"Шот {n + 1}"})["id"]
        copy = kadr.api("POST", f"/assets/{clips[n % len(clips)]}/copy", {"shotId": shot})["id"]
        shots.append((shot, copy))
    await_ready(kadr, [a for _, a in shots], f"{size} shots")
    for shot, asset in shots:
        kadr.api("PATCH", f"/shots/{shot}", {"headlinerAssetId": asset})
    log(f"  {size} shots seeded; exporting at 1080p (load average {open('/proc/loadavg').read().split()[:3]})")
    peak = Peak(KADR_PID)
    jvm_before = rss_kb(KADR_PID)
    t0 = time.perf_counter()
    export = kadr.api("POST", f"/projects/{pid}/exports", {"kind": "animatic", "resolution": 1080})
    while export["status"] in ("queued", "running"):
        time.sleep(0.2)
        export = kadr.api("GET", f"/exports/{export['id']}")
    wall = time.perf_counter() - t0
    peak.stop()
    if export["status"] != "done":
        raise SystemExit(f"export ended {export['status']}: {export}")
    return {"wall_s": wall, "jvm_before_mb": jvm_before / 1024, "jvm_peak_mb": peak.own / 1024,
            "ffmpeg_peak_mb": peak.descendants / 1024}


def plain_ffmpeg(files, size):
    listing = os.path.join(OUT_DIR, f"animatic-concat-{size}.txt")
    with open(listing, "w") as f:
        for n in range(size):
            f.write(f"file '{files[n % len(files)]}'\n")
    out = os.path.join(OUT_DIR, f"animatic-plain-{size}.mp4")
    t0 = time.perf_counter()
    process = subprocess.Popen([FFMPEG, "-nostdin", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", listing,
                                "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
                                "-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2",
                                "-movflags", "+faststart", out])
    peak = Peak(process.pid)
    # The sampler reads the process itself (peak.own); ffmpeg has no children.
    process.wait()
    wall = time.perf_counter() - t0
    peak.stop()
    os.remove(out)
    if process.returncode != 0:
        raise SystemExit(f"plain ffmpeg failed for {size}")
    return {"wall_s": wall, "ffmpeg_peak_mb": peak.own / 1024}


def main():
    kadr = Client(KADR_PORT)
    user = {"username": "film", "password": "film-password-123", "displayName": "Film"}
    kadr.api("POST", "/auth/signup", user)
    kadr.token = kadr.api("POST", "/auth/tokens", {"username": "film", "password": user["password"], "name": "b"})["token"]
    files = sorted(os.path.join(CLIPS, f) for f in os.listdir(CLIPS) if f.endswith(".mp4"))
    source = kadr.api("POST", "/projects", {"name": "Исходники"})["id"]
    shot = kadr.api("POST", f"/projects/{source}/shots", {"title": "Исходники"})["id"]
    clips = [upload(kadr, shot, path, "video/mp4") for path in files]
    await_ready(kadr, clips, "clips")
    results = {}
    for size in SIZES:
        results[size] = {"kadr": kadr_animatic(kadr, clips, size), "plain": plain_ffmpeg(files, size),
                         "loadavg": open("/proc/loadavg").read().split()[:3]}
        log(f"  {size}: {json.dumps(results[size])}")
    with open(os.path.join(OUT_DIR, "animatic.json"), "w") as f:
        json.dump(results, f, indent=2)
    print("| shots | Kadr wall | plain ffmpeg wall | ratio | Kadr ffmpeg peak RSS | Kadr JVM peak RSS (before) "
          "| plain ffmpeg peak RSS | ratio (ffmpeg) | load avg after |")
    print("|---|---|---|---|---|---|---|---|---|")
    for size, r in results.items():
        k, p = r["kadr"], r["plain"]
        print(f"| {size} | {k['wall_s']:.1f} s | {p['wall_s']:.1f} s | {k['wall_s'] / p['wall_s']:.2f} "
              f"| {k['ffmpeg_peak_mb']:.0f} MB | {k['jvm_peak_mb']:.0f} MB ({k['jvm_before_mb']:.0f} MB) "
              f"| {p['ffmpeg_peak_mb']:.0f} MB | {k['ffmpeg_peak_mb'] / p['ffmpeg_peak_mb']:.2f} "
              f"| {' '.join(r['loadavg'])} |")


if __name__ == "__main__":
    main()
