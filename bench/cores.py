#!/usr/bin/env python3
"""How busy a build keeps the cores, phase by phase, from an execution trace.

  CHISO_TRACE=t.out chiso build …   # the phases' ends are logged in the trace
  python3 bench/cores.py t.out [cores]

For each phase: its wall time, and "busy", the mean number of goroutines that had work
(running or runnable), capped at the cores (GOMAXPROCS, 2 by default). On a shared machine
wall times stretch, but busy does not: it says whether the build gave every core work.
"idle" is the core-seconds left without work, the part a better overlap can win.
"""
import re
import subprocess
import sys

trace = sys.argv[1]
cores = int(sys.argv[2]) if len(sys.argv) > 2 else 2
out = subprocess.run(["go", "tool", "trace", "-d=parsed", trace], capture_output=True, text=True).stdout

st = re.compile(r"StateTransition Time=(\d+) GoID=(\d+) (\w+)->(\w+)")
lg = re.compile(r'Log Time=(\d+) .*Category="phase" Message="([^"]*)"')
events = []  # (time, delta of goroutines with work) and phase marks
marks = []
start = None
for line in out.splitlines():
    m = st.search(line)
    if m:
        t, frm, to = int(m.group(1)), m.group(3), m.group(4)
        start = t if start is None else start
        work = ("Running", "Runnable")
        d = (to in work) - (frm in work)
        if d:
            events.append((t, d))
        continue
    m = lg.search(line)
    if m:
        marks.append((int(m.group(1)), m.group(2)))
events.sort()
end = events[-1][0] if events else 0

def busy(t0, t1):
    """core-seconds with work in [t0, t1)"""
    n, last, total = 0, None, 0.0
    for t, d in events:
        if t >= t1:
            break
        if t > t0 and last is not None:
            total += min(n, cores) * (t - max(last, t0))
        n += d
        last = t
    if last is not None and last < t1:
        total += min(n, cores) * (t1 - max(last, t0))
    return total / 1e9

prev = start
rows = []
for t, name in marks + [(end, "(end)")]:
    rows.append((name, (t - prev) / 1e9, busy(prev, t)))
    prev = t
print(f"{'phase':<18}{'wall s':>8}{'busy':>7}{'idle core·s':>13}")
tw = tb = 0
for name, w, b in rows:
    tw, tb = tw + w, tb + b
    if w >= 0.005:
        print(f"{name:<18}{w:8.3f}{b / w if w else 0:7.2f}{cores * w - b:13.3f}")
print(f"{'all':<18}{tw:8.3f}{tb / tw:7.2f}{cores * tw - tb:13.3f}")
