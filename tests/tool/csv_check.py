#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""csv_check.py CSV JSON: allocinfo --csv read by Python's csv module (RFC 4180) and written
back gives the same bytes, and lists the sites of allocinfo --json (same names and lines; the
counters too when both come from one saved text). Exit status 1 on any difference."""
import csv
import io
import json
import sys

text = open(sys.argv[1], newline="").read()
rows = list(csv.reader(io.StringIO(text, newline="")))
back = io.StringIO()
csv.writer(back, lineterminator="\n").writerows(rows)
ok = True
if back.getvalue() != text:
    print("csv: written back, the CSV differs", file=sys.stderr)
    ok = False
head = ["module", "file", "line", "function", "bytes", "calls", "accurate", "id"]
if rows[0] != head:
    print(f"csv: header {rows[0]}, not {head}", file=sys.stderr)
    ok = False
doc = json.load(open(sys.argv[2]))
same_snapshot = doc["backend"] == "text" and doc["kernel"] == ""
cols = 8 if same_snapshot else 4
want = [[s["module"], s["file"], str(s["line"]), s["function"], str(s["bytes"]), str(s["calls"]),
         str(int(s["accurate"])), s["id"] or ""][:cols] for s in doc["sites"]]
got = [r[:cols] for r in rows[1:]]
if got != want:
    print(f"csv: {len(got)} rows, json: {len(want)} sites; first difference:", file=sys.stderr)
    print(next((g, w) for g, w in zip(got + [None], want + [None]) if g != w), file=sys.stderr)
    ok = False
sys.exit(0 if ok else 1)
