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
    """Peak resident set in MiB (2^20 bytes), from GNU time -v (which gives KiB)."""
    done = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr[-2000:]}")
    kb = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", done.stderr)
    return int(kb.group(1)) / 1024, wall.group(1) if wall else "?"


def instructions(cmd):
    """Instructions executed by `cmd` and its threads, counted by callgrind:
    they do not depend on the machine's load."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"callgrind {' '.join(cmd)} exited {done.returncode}: {done.stderr[-2000:]}")
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found else None


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
    for name in ("rectify", "parse-only", "data", "big", "one-file", "out", "singles", "small", "failing"):
        p.add_argument("--" + name, required=True)
    for name in ("records", "files", "big-records", "big-files", "reps", "singles-files",
                 "small-records", "failing-records"):
        p.add_argument("--" + name, type=int, required=True)
    p.add_argument("--huge", help="the 10,000,000-record folder (omitted: no such row)")
    p.add_argument("--huge-records", type=int, default=0)
    a = p.parse_args()
    reps = max(a.reps, 5)
    host = machine()
    check = [a.rectify, "check", a.data, "--format", "json", "--as-of", AS_OF]
    cases = {
        "parse rectify::yaml, 1 thread": [a.parse_only, a.data, "rectify", "--jobs", "1"],
        "parse serde_yaml::Value, 1 thread": [a.parse_only, a.data, "serde_yaml", "--jobs", "1"],
        "parse rectify::yaml without the fast path (saphyr), 1 thread":
            [a.parse_only, a.data, "rectify-general", "--jobs", "1"],
        "check --jobs 1": check + ["--jobs", "1"],
        "check --jobs 2": check + ["--jobs", "2"],
        "check (default jobs)": check,
        "parse rectify::yaml, 2 threads": [a.parse_only, a.data, "rectify", "--jobs", "2"],
    }
    singles = [a.rectify, "check", a.singles, "--format", "json", "--as-of", AS_OF]
    single_cases = {
        "one-record files: check --jobs 1": singles + ["--jobs", "1"],
        "one-record files: check --jobs 2": singles + ["--jobs", "2"],
        # Controls for the ratio above: the same files walked, read and
        # parsed by parse_only, nothing shared between its threads.
        "one-record files: parse serde_yaml::Value, 1 thread": [a.parse_only, a.singles, "serde_yaml", "--jobs", "1"],
        "one-record files: parse serde_yaml::Value, 2 threads": [a.parse_only, a.singles, "serde_yaml", "--jobs", "2"],
        "one-record files: read only, 1 thread": [a.parse_only, a.singles, "read", "--jobs", "1"],
        "one-record files: read only, 2 threads": [a.parse_only, a.singles, "read", "--jobs", "2"],
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
    times = {name: [] for name in list(cases) + list(single_cases)}
    for rep in range(reps):
        for name, cmd in list(cases.items()) + list(single_cases.items()):
            times[name].append(run(cmd))
        print(f"repetition {rep + 1}/{reps} done", file=sys.stderr)
    load_after = os.getloadavg()
    med = {name: statistics.median(t) for name, t in times.items()}
    rss_main, wall_main = max_rss(check)
    rss_big, wall_big = max_rss([a.rectify, "check", a.big, "--format", "json", "--as-of", AS_OF])
    rss_failing, wall_failing = max_rss([a.rectify, "check", a.failing, "--format", "json", "--as-of", AS_OF])
    rss_junit, wall_junit = max_rss([a.rectify, "check", a.failing, "--format", "junit", "--as-of", AS_OF])
    rss_huge, wall_huge = (max_rss([a.rectify, "check", a.huge, "--format", "json", "--as-of", AS_OF])
                           if a.huge else (None, None))
    small_check = [a.rectify, "check", a.small, "--format", "json", "--as-of", AS_OF, "--jobs", "1"]
    small_serde = [a.parse_only, a.small, "serde_yaml", "--jobs", "1"]
    small_rectify = [a.parse_only, a.small, "rectify", "--jobs", "1"]
    ins = {"check --jobs 1": instructions(small_check),
           "parse serde_yaml::Value, 1 thread": instructions(small_serde),
           "parse rectify::yaml, 1 thread": instructions(small_rectify),
           "parse rectify::yaml without the fast path (saphyr), 1 thread":
               instructions([a.parse_only, a.small, "rectify-general", "--jobs", "1"])}
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
        "general": ("check --jobs 1", "parse rectify::yaml without the fast path (saphyr), 1 thread"),
        "fast": ("parse rectify::yaml, 1 thread", "parse rectify::yaml without the fast path (saphyr), 1 thread"),
        "serde": ("check --jobs 1", "parse serde_yaml::Value, 1 thread"),
        "par": ("check (default jobs)", "parse rectify::yaml, 2 threads"),
        "speedup": ("check --jobs 1", "check --jobs 2"),
        "parse_speedup": ("parse rectify::yaml, 1 thread", "parse rectify::yaml, 2 threads"),
        "singles": ("one-record files: check --jobs 1", "one-record files: check --jobs 2"),
        "singles_serde": ("one-record files: parse serde_yaml::Value, 1 thread",
                          "one-record files: parse serde_yaml::Value, 2 threads"),
        "singles_read": ("one-record files: read only, 1 thread", "one-record files: read only, 2 threads"),
    }
    ratio = {k: paired(*v) for k, v in pairs.items()}
    of_medians = {k: unpaired(*v) for k, v in pairs.items()}
    r_parse, r_serde, r_parse_par = ratio["parse"], ratio["serde"], ratio["par"]
    speedup, parse_speedup = ratio["speedup"], ratio["parse_speedup"]
    singles_speedup = ratio["singles"]
    ok = lambda b: "**met**" if b else "**missed**"
    ins_check, ins_serde = ins["check --jobs 1"], ins["parse serde_yaml::Value, 1 thread"]
    ins_ratio = ins_check / ins_serde if ins_check and ins_serde else None
    rss_worst = max(r for r in (rss_big, rss_failing, rss_huge) if r is not None)
    rows = [
        ("check ≤ 1.5× parse-only (same parser), 1 thread", f"{r_parse:.3f}×", ok(r_parse <= 1.5)),
        ("check ≤ 1.3× serde_yaml::Value parse, 1 thread", f"{r_serde:.3f}×", ok(r_serde <= 1.3)),
        ("≥ 1.7× speed-up from --jobs 1 to --jobs 2", f"{speedup:.3f}×", ok(speedup >= 1.7)),
        ("check ≤ 1.0× serde_yaml::Value parse, 1 thread (paired wall time)", f"{r_serde:.3f}×", ok(r_serde <= 1.0)),
        ("check ≤ 1.0× serde_yaml::Value parse, 1 thread (instructions, callgrind)",
         f"{ins_ratio:.3f}×" if ins_ratio else "not measured", ok(ins_ratio is not None and ins_ratio <= 1.0)),
        ("≥ 1.9× speed-up from --jobs 1 to --jobs 2, one-record files", f"{singles_speedup:.3f}×",
         ok(singles_speedup >= 1.9)),
        ("control, not a target: the serde_yaml parse of the same one-record files, 2 threads vs 1"
         " (walk, read, parse; nothing shared between threads)", f"{ratio['singles_serde']:.3f}×",
         "what this machine gives the floor"),
        (f"< 100 MB (95.4 MiB) peak at {a.big_records:,} records", f"{rss_big:.1f} MiB",
         ok(rss_big * 1.048576 < 100)),
        (f"< 64 MiB peak, --format json, at {a.big_records:,} records, at {a.failing_records:,} all"
         " drawn to fail" + (f", at {a.huge_records:,}" if a.huge else " (10,000,000: not run)"),
         f"{rss_worst:.1f} MiB", ok(rss_worst < 64 and a.huge is not None and a.huge_records >= 10_000_000)),
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
        f"One-record files ({a.singles_files:,} files, interleaved with the runs above):",
        "",
        "| command | median s | all runs (s) |",
        "|---|---:|---|",
    ] + [f"| {name} | {med[name]:.3f} | {', '.join(f'{t:.2f}' for t in times[name])} |"
         for name in single_cases] + [
        "",
        "Ratios: the median over repetitions of the ratio within each repetition (the verdicts"
        " use it), and in brackets the ratio of the medians:",
        "",
        f"- check --jobs 1 / parse rectify::yaml 1 thread: **{r_parse:.3f}×** ({of_medians['parse']:.3f}×)",
        f"- check --jobs 1 / parse serde_yaml::Value 1 thread: **{r_serde:.3f}×** ({of_medians['serde']:.3f}×)",
        f"- check --jobs 1 / parse rectify::yaml without the fast path (saphyr) 1 thread:"
        f" {ratio['general']:.3f}× ({of_medians['general']:.3f}×); the fast path's parse / saphyr's:"
        f" {ratio['fast']:.3f}× ({of_medians['fast']:.3f}×)",
        f"- check default jobs / parse rectify::yaml 2 threads: {r_parse_par:.3f}× ({of_medians['par']:.3f}×)",
        f"- check --jobs 1 / --jobs 2: **{speedup:.3f}×** ({of_medians['speedup']:.3f}×);"
        f" parse-only alone: {parse_speedup:.3f}× ({of_medians['parse_speedup']:.3f}×)",
        f"- one-record files, check --jobs 1 / --jobs 2: **{singles_speedup:.3f}×** ({of_medians['singles']:.3f}×);"
        f" the same files with nothing shared between threads, 1 / 2 threads: the serde_yaml parse"
        f" {ratio['singles_serde']:.3f}× ({of_medians['singles_serde']:.3f}×), reading alone"
        f" {ratio['singles_read']:.3f}× ({of_medians['singles_read']:.3f}×)",
        "",
        f"## Instructions (callgrind): {a.small_records:,} records",
        "",
        "`valgrind --tool=callgrind`, every thread counted; the counts do not depend on the load.",
        "",
        "| command | instructions | / serde_yaml parse |",
        "|---|---:|---:|",
    ] + [f"| {name} | {n:,} | {n / ins_serde:.3f}× |" if n and ins_serde else f"| {name} | ? | |"
         for name, n in ins.items()] + [
        "",
        "## Peak memory (`/usr/bin/time -v`, maximum resident set)",
        "",
        "In MiB (2^20 bytes; `time -v` reports KiB). 1 MiB = 1.048576 MB.",
        "",
        "| run | max RSS | wall |",
        "|---|---:|---:|",
        f"| check {a.records:,} records / {a.files:,} files, --format json | {rss_main:.1f} MiB | {wall_main} |",
        f"| check {a.big_records:,} records / {a.big_files:,} files, --format json | {rss_big:.1f} MiB | {wall_big} |",
        f"| check {a.failing_records:,} records, every record drawn to fail, --format json | {rss_failing:.1f} MiB | {wall_failing} |",
        f"| the same, --format junit | {rss_junit:.1f} MiB | {wall_junit} |",
    ] + ([f"| check {a.huge_records:,} records (files of 1,000), --format json | {rss_huge:.1f} MiB | {wall_huge} |"]
         if a.huge else ["| check 10,000,000 records | not run (HUGE=0 was set) | |"]) + [
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
        f"/usr/bin/time -v rectify check FAILING --format json --as-of {AS_OF}  # --fail-percent 100; and --format junit",
        f"rectify check SINGLES --format json --as-of {AS_OF} --jobs 1  # and --jobs 2",
        "parse_only SINGLES serde_yaml --jobs 1  # and --jobs 2; and `read` for reading alone",
        f"valgrind --tool=callgrind rectify check SMALL --format json --as-of {AS_OF} --jobs 1",
        "valgrind --tool=callgrind parse_only SMALL serde_yaml --jobs 1  # and rectify",
    ] + ([f"/usr/bin/time -v rectify check HUGE --format json --as-of {AS_OF}  # 1,000 records a file"]
         if a.huge else []) + [
        "```",
        "",
        "`parse_only` is `bench/benches/parse_only.rs`: it walks and reads the files as `check` does and",
        "parses each (`rectify::yaml::parse`, or every document into `serde_yaml::Value`; `read`: no parse).",
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
