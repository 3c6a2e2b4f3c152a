#!/usr/bin/env python3
"""Reads `jfr print --events jdk.ExecutionSample` from stdin and prints where request handling spends time
(samples whose stack shows Tomcat, Spring MVC, Thymeleaf or app frames, media jobs excluded; the app serves on
virtual threads, so thread names do not help):
the top frames (self time) and the app/Thymeleaf/JDBC frames that appear anywhere in a stack (inclusive)."""

import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w.$<>]+)\(")
REQUEST_PREFIXES = ("org.apache.catalina.", "org.springframework.web.", "org.thymeleaf.", "app.kadr.")


def is_request(stack):
    return any(f.startswith(REQUEST_PREFIXES) for f in stack) and not any("MediaJobs" in f for f in stack)


events, cur = [], []
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        if is_request(cur):
            events.append(cur)
        cur = []
    else:
        m = FRAME.match(line)
        if m:
            cur.append(m.group(1))
if is_request(cur):
    events.append(cur)

n = len(events) or 1
self_time = collections.Counter(e[0] for e in events if e)
inclusive = collections.Counter()
for e in events:
    for f in set(e):
        if f.startswith(("app.kadr.", "org.thymeleaf.", "org.springframework.jdbc.core.JdbcTemplate.query",
                         "org.h2.", "org.springframework.web.servlet.resource.", "org.apache.coyote.http11.filters.GzipOutputFilter", "java.util.zip.Deflater")):
            inclusive[f] += 1
print(f"{len(events)} samples in request handling")
print("Top self frames:")
for f, c in self_time.most_common(15):
    print(f"  {100 * c / n:5.1f}%  {f}")
print("Inclusive (frame anywhere in the stack):")
for f, c in inclusive.most_common(25):
    print(f"  {100 * c / n:5.1f}%  {f}")
