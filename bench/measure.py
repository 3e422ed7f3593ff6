#!/usr/bin/env python3
"""Measure the speed and memory targets side by side and write bench/RESULTS.md.

Called by bench/run.sh, which builds the binaries and generates the data.
Every timed command runs once per repetition, the commands interleaved
(so a burst of load from elsewhere hits all of them alike), and the median
wall time of each is reported. Everything after the NOTES marker in an
existing RESULTS.md (the profile and the analysis, written by hand) is kept.
"""

import argparse
import json
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

NOTES = "<!-- notes below are written by hand and kept by bench/measure.py -->"
AS_OF = "2025-06-30"


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory": mem, "rustc": rustc,
            "commit": commit, "os": platform.platform()}


def run(cmd, out=subprocess.DEVNULL):
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    # `check` exits 1 when it finds violations (the data holds ~10%).
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return elapsed


def max_rss(cmd):
    """Peak resident set in MB, from GNU time -v."""
    done = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr[-2000:]}")
    kb = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", done.stderr)
    return int(kb.group(1)) / 1024, wall.group(1) if wall else "?"


def one_file(rectify, path, runs=50):
    cmd = [rectify, "check", path, "--as-of", AS_OF, "--format", "json"]
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as f:
            subprocess.run(["hyperfine", "-N", "--warmup", "5", "--runs", str(runs), "-i",
                            "--export-json", f.name, " ".join(cmd)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            r = json.load(open(f.name))["results"][0]
            return r["mean"] * 1000, r["stddev"] * 1000, "hyperfine -N --warmup 5 --runs %d" % runs
    times = [run(cmd) for _ in range(runs)]
    return statistics.mean(times) * 1000, statistics.stdev(times) * 1000, f"a loop of {runs} runs"


def main():
    p = argparse.ArgumentParser()
    for name in ("rectify", "parse-only", "data", "big", "one-file", "out"):
        p.add_argument("--" + name, required=True)
    for name in ("records", "files", "big-records", "big-files", "reps"):
        p.add_argument("--" + name, type=int, required=True)
    a = p.parse_args()
    reps = max(a.reps, 5)
    host = machine()
    check = [a.rectify, "check", a.data, "--format", "json", "--as-of", AS_OF]
    cases = {
        "parse rectify::yaml, 1 thread": [a.parse_only, a.data, "rectify", "--jobs", "1"],
        "parse serde_yaml::Value, 1 thread": [a.parse_only, a.data, "serde_yaml", "--jobs", "1"],
        "check --jobs 1": check + ["--jobs", "1"],
        "check --jobs 2": check + ["--jobs", "2"],
        "check (default jobs)": check,
        "parse rectify::yaml, 2 threads": [a.parse_only, a.data, "rectify", "--jobs", "2"],
    }
    # Sanity: the check sees every record.
    with tempfile.TemporaryFile() as out:
        run(check, out)
        out.seek(0)
        report = json.load(out)
    assert report["records"] == a.records, (report["records"], a.records)
    findings = len(report["findings"])
    violating = len({f["record"] for f in report["findings"] if f.get("record")})
    load_before = os.getloadavg()
    times = {name: [] for name in cases}
    for rep in range(reps):
        for name, cmd in cases.items():
            times[name].append(run(cmd))
        print(f"repetition {rep + 1}/{reps} done", file=sys.stderr)
    load_after = os.getloadavg()
    med = {name: statistics.median(t) for name, t in times.items()}
    rss_main, wall_main = max_rss(check)
    rss_big, wall_big = max_rss([a.rectify, "check", a.big, "--format", "json", "--as-of", AS_OF])
    one_mean, one_sd, one_how = one_file(a.rectify, a.one_file)

    mb = sum(f.stat().st_size for f in pathlib.Path(a.data).rglob("*.yaml")) / 1e6
    # Paired: the ratio of two commands run back to back in one repetition,
    # median over repetitions; a burst of load from elsewhere then hits both
    # sides of a ratio alike. The ratio of medians is shown beside it.
    def paired(a, b):
        return statistics.median(x / y for x, y in zip(times[a], times[b]))

    def unpaired(a, b):
        return med[a] / med[b]

    pairs = {
        "parse": ("check --jobs 1", "parse rectify::yaml, 1 thread"),
        "serde": ("check --jobs 1", "parse serde_yaml::Value, 1 thread"),
        "par": ("check (default jobs)", "parse rectify::yaml, 2 threads"),
        "speedup": ("check --jobs 1", "check --jobs 2"),
        "parse_speedup": ("parse rectify::yaml, 1 thread", "parse rectify::yaml, 2 threads"),
    }
    ratio = {k: paired(*v) for k, v in pairs.items()}
    of_medians = {k: unpaired(*v) for k, v in pairs.items()}
    r_parse, r_serde, r_parse_par = ratio["parse"], ratio["serde"], ratio["par"]
    speedup, parse_speedup = ratio["speedup"], ratio["parse_speedup"]
    ok = lambda b: "**met**" if b else "**missed**"
    rows = [
        ("check ≤ 1.5× parse-only (same parser), 1 thread", f"{r_parse:.3f}×", ok(r_parse <= 1.5)),
        ("check ≤ 1.3× serde_yaml::Value parse, 1 thread", f"{r_serde:.3f}×", ok(r_serde <= 1.3)),
        ("≥ 1.7× speed-up from --jobs 1 to --jobs 2", f"{speedup:.3f}×", ok(speedup >= 1.7)),
        (f"< 100 MB peak at {a.big_records:,} records", f"{rss_big:.1f} MB", ok(rss_big < 100)),
        ("< 20 ms one-file run, bundled rules", f"{one_mean:.1f} ms", ok(one_mean < 20)),
    ]
    lines = [
        "# Benchmark results",
        "",
        "Written by `bash bench/run.sh` (bench/measure.py); do not edit above the notes marker.",
        "",
        "## Machine",
        "",
        f"- {host['nproc']} cores: {host['cpu']}; {host['memory']} memory; {host['os']}",
        f"- {host['rustc']}; rectify at commit {host['commit']}",
        f"- load average before / after the timed loop: {load_before[0]:.2f} / {load_after[0]:.2f}"
        " (other builds may share the machine: compare ratios, not absolute times)",
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---:|---|",
    ] + [f"| {t} | {m} | {v} |" for t, m, v in rows] + [
        "",
        f"## Timings: {a.records:,} records in {a.files:,} files ({mb:.1f} MB)",
        "",
        f"Median of {reps} interleaved repetitions, wall time; `check` found {findings:,} findings"
        f" on {violating:,} records ({100 * violating / a.records:.1f}%).",
        "",
        "| command | median s | MB/s | all runs (s) |",
        "|---|---:|---:|---|",
    ] + [f"| {name} | {med[name]:.3f} | {mb / med[name]:.1f} | {', '.join(f'{t:.2f}' for t in times[name])} |"
         for name in cases] + [
        "",
        "Ratios: the median over repetitions of the ratio within each repetition (the verdicts"
        " use it), and in brackets the ratio of the medians:",
        "",
        f"- check --jobs 1 / parse rectify::yaml 1 thread: **{r_parse:.3f}×** ({of_medians['parse']:.3f}×)",
        f"- check --jobs 1 / parse serde_yaml::Value 1 thread: **{r_serde:.3f}×** ({of_medians['serde']:.3f}×)",
        f"- check default jobs / parse rectify::yaml 2 threads: {r_parse_par:.3f}× ({of_medians['par']:.3f}×)",
        f"- check --jobs 1 / --jobs 2: **{speedup:.3f}×** ({of_medians['speedup']:.3f}×);"
        f" parse-only alone: {parse_speedup:.3f}× ({of_medians['parse_speedup']:.3f}×)",
        "",
        "## Peak memory (`/usr/bin/time -v`, maximum resident set)",
        "",
        "| run | max RSS | wall |",
        "|---|---:|---:|",
        f"| check {a.records:,} records / {a.files:,} files, --format json | {rss_main:.1f} MB | {wall_main} |",
        f"| check {a.big_records:,} records / {a.big_files:,} files, --format json | {rss_big:.1f} MB | {wall_big} |",
        "",
        "## One-file run",
        "",
        f"`rectify check {a.one_file} --as-of {AS_OF} --format json` with the bundled rules:"
        f" mean **{one_mean:.1f} ms** ± {one_sd:.1f} ({one_how}).",
        "",
        "## Commands",
        "",
        "```sh",
        f"python3 bench/generate.py DIR --records {a.records} --files {a.files}",
        f"python3 bench/generate.py BIG --records {a.big_records} --files {a.big_files}",
    ] + [" ".join(["parse_only" if c == a.parse_only else "rectify" if c == a.rectify
                    else "DIR" if c == a.data else c for c in cmd]) for cmd in cases.values()] + [
        f"/usr/bin/time -v rectify check BIG --format json --as-of {AS_OF}",
        "```",
        "",
        "`parse_only` is `bench/benches/parse_only.rs`: it walks and reads the files as `check` does and",
        "parses each (`rectify::yaml::parse`, or every document into `serde_yaml::Value`).",
        "",
    ]
    out = pathlib.Path(a.out)
    notes = ""
    if out.exists() and NOTES in out.read_text(encoding="utf-8"):
        notes = out.read_text(encoding="utf-8").split(NOTES, 1)[1]
    out.write_text("\n".join(lines) + "\n" + NOTES + notes, encoding="utf-8")
    print("\n".join(lines[lines.index("## Targets"):lines.index("## Machine") + 30][:12]), file=sys.stderr)
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
