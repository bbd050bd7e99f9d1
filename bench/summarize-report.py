#!/usr/bin/env python3
"""Print the per-request statistics of a Gatling HTML report as a Markdown table.

Usage: bench/summarize-report.py [REPORT_DIR]
  REPORT_DIR defaults to the newest bench/target/gatling/*/ folder.

Reads the statistics table of REPORT_DIR/index.html (Gatling 3.15's layout): one row for all
requests together ("All Requests") and one per request name ("csrf", "sign in", "me").
"""
import glob
import html
import os
import re
import sys

COLUMNS = ["total", "ok", "ko", "ko_pct", "rps", "min", "p50", "p95", "p99", "p999", "max", "mean", "stddev"]


def newest_report():
    here = os.path.dirname(os.path.abspath(__file__))
    reports = [d for d in glob.glob(os.path.join(here, "target", "gatling", "*")) if os.path.isdir(d)]
    if not reports:
        sys.exit("no report under bench/target/gatling: run the simulation first")
    return max(reports, key=os.path.getmtime)


def rows(index_html):
    # Each statistics row is <tr id="ROOT" ...> (all requests), <tr id="req_..." ...> or <tr id="group_..." ...>
    # (a group of requests, e.g. HallSimulation's "open and submit": named "group: <name>").
    for match in re.finditer(r'<tr id="(ROOT|req_[^"]+|group_[^"]+)"[^>]*>(.*?)</tr>', index_html, re.S):
        cells = re.findall(r'<td class="[^"]*col-(\d+)"[^>]*>(.*?)</td>', match.group(2), re.S)
        if len(cells) < 14:
            continue
        name_cell = dict(cells)["1"]
        name = re.search(r'class="ellipsed-name">(.*?)</span>', name_cell, re.S)
        name = html.unescape(name.group(1).strip()) if name else "All Requests"
        if match.group(1).startswith("group_"):
            name = "group: " + name
        values = [re.sub(r"<[^>]+>", "", dict(cells)[str(i)]).strip() for i in range(2, 15)]
        yield name, dict(zip(COLUMNS, values))


def main():
    report = sys.argv[1] if len(sys.argv) > 1 else newest_report()
    with open(os.path.join(report, "index.html"), encoding="utf-8") as f:
        index_html = f.read()
    print(f"Report: {os.path.abspath(report)}/index.html\n")
    print("| request | count | KO | req/s | min | p50 | p95 | p99 | p99.9 | max | mean (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    found = False
    for name, v in rows(index_html):
        found = True
        print(f"| {name} | {v['total']} | {v['ko']} | {v['rps']} | {v['min']} | {v['p50']} | {v['p95']} | "
              f"{v['p99']} | {v['p999']} | {v['max']} | {v['mean']} |")
    if not found:
        sys.exit("no statistics table found in " + report)


if __name__ == "__main__":
    main()
