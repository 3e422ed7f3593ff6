#!/usr/bin/env python3
"""Change-to-diagnostics latency of `rectify lsp` on a 1,000-record file.

    python3 bench/lsp.py --rectify target/release/rectify [--edits 50] [--out bench/RESULTS.md]

A workspace of 9,002 generated records (bench/generate.py: two files of
one record, nine of 1,000) is opened as an editor opens it: `initialize`,
then `didOpen` of one 1,000-record file. Then, `--edits` times, one
incremental `didChange` moves a stage date there and back (so a finding
comes and goes), and the time from writing the change to reading the
`publishDiagnostics` of that version is taken: the file re-evaluated, the
workspace merged again (group rules count every file), the diagnostics
converted and sent. Writes the section "Editor: change to diagnostics".
"""

import argparse
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

from findings import write  # the same section replacement as findings.py

SECTION = "## Editor: change to diagnostics"
AS_OF = "2025-06-30"


class Server:
    def __init__(self, rectify, root):
        self.proc = subprocess.Popen([rectify, "lsp"], cwd=root, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                sys.exit("the server closed its output")
            line = line.strip()
            if not line:
                break
            if line.startswith(b"Content-Length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        self.next += 1
        self.send({"jsonrpc": "2.0", "id": self.next, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == self.next:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri, version):
        while True:
            m = self.read()
            p = m.get("params", {})
            if (m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri
                    and p.get("version") == version):
                return p["diagnostics"]

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.wait(timeout=30)


def workspace(tmp):
    records = tmp / "records"
    subprocess.run([sys.executable, "bench/generate.py", str(records), "--records", "9002",
                    "--files", "11"], check=True, stdout=subprocess.DEVNULL)
    (tmp / "rectify.toml").write_text(f'records = ["records"]\nas-of = {AS_OF}\n', encoding="utf-8")
    files = sorted(records.rglob("*.yaml"), key=lambda p: p.stat().st_size)
    return files[-1]


def measure(rectify, tmp, target, edits):
    text = target.read_text(encoding="utf-8")
    count = len(re.findall(r"^- id:", text, re.M))
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if l.strip().startswith("plan: "))
    column = lines[line].index("plan: ") + len("plan: ")
    original = lines[line][column:column + 10]
    server = Server(rectify, tmp)
    started = time.perf_counter()
    server.request("initialize", {"processId": os.getpid(), "rootUri": tmp.as_uri(),
                                  "capabilities": {}})
    server.notify("initialized", {})
    uri = target.as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    shown = server.diagnostics(uri, 1)
    opened = time.perf_counter() - started
    times, counts = [], set()
    for i in range(edits):
        version = i + 2
        date = "2099-01-01" if i % 2 == 0 else original
        change = {"range": {"start": {"line": line, "character": column},
                            "end": {"line": line, "character": column + 10}}, "text": date}
        t = time.perf_counter()
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        counts.add(len(server.diagnostics(uri, version)))
        times.append(time.perf_counter() - t)
    server.close()
    return count, len(text.encode()), len(shown), opened, times, counts


def section(count, size, shown, opened, times, counts, edits):
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    median = statistics.median(ms)
    verdict = "**met**" if median < 100 else "**not met**"
    load = os.getloadavg()[0]
    lines = [
        SECTION,
        "",
        "Written by `bash bench/lsp.sh` (bench/lsp.py), release build. A workspace of 9,002 "
        f"generated records in 11 files, evaluated as of {AS_OF}; the file open in the editor "
        f"holds {count:,} records ({size / 1e6:.2f} MB) and shows {shown} diagnostics. Each edit "
        "is one incremental `didChange` moving a `plan` date out and back (diagnostics shown "
        f"after the edits: {sorted(counts)}); the time is from writing the change to reading "
        f"that version's `publishDiagnostics`. Load average {load:.2f} at the end.",
        "",
        "| measure | ms |",
        "|---|---:|",
        f"| start, `initialize` to the first diagnostics of the open file | {opened * 1000:.0f} |",
        f"| change to diagnostics, median of {edits} | {median:.1f} |",
        f"| change to diagnostics, 95th percentile | {p95:.1f} |",
        f"| change to diagnostics, slowest | {ms[-1]:.1f} |",
        "",
        f"Target: under 100 ms from change to diagnostics on a 1,000-record file: {verdict}.",
        "",
    ]
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rectify", required=True)
    p.add_argument("--edits", type=int, default=50)
    p.add_argument("--out", default="bench/RESULTS.md")
    args = p.parse_args()
    rectify = str(pathlib.Path(args.rectify).resolve())
    with tempfile.TemporaryDirectory(prefix="rectify-lsp.") as tmp:
        tmp = pathlib.Path(tmp).resolve()
        target = workspace(tmp)
        result = measure(rectify, tmp, target, args.edits)
    text = section(*result, args.edits)
    write(args.out, text, SECTION)
    print(text)


if __name__ == "__main__":
    main()
