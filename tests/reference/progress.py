#!/usr/bin/env python3
"""An independent reference for the JSON report's `progress`.

Slow and plain on purpose: it reads the calendar YAML and the record files
itself, walks the calendar day by day, and implements the bundled rule
set's due dates directly, without calling rectify:

- a task's last stage is `closure`, due on its effective deadline (the `to`
  of the last approved extension, else `deadline`);
- a petition's last stage is `closed`, due 60 days after `assigned`, 90 when
  an approved extension exists;
- every due date on a non-working day moves to the next working day;
- a stage dated after the evaluation date is not known yet, nor is an
  extension approved after it.

Usage: progress.py CALENDAR.yaml AS_OF PATH...   (prints the progress JSON)
"""

import datetime
import json
import os
import sys

import yaml


def load_calendar(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    years = set(int(y) for y in doc["years"])
    off, on = set(), set()
    for year in doc["years"].values():
        for h in year.get("holidays") or []:
            day = h.get("from", h.get("date"))
            last = h.get("to", day)
            while day <= last:
                off.add(day)
                day += datetime.timedelta(days=1)
        for w in year.get("workdays") or []:
            on.add(w["date"])
    return years, off, on


class Uncovered(Exception):
    pass


def is_workday(calendar, day):
    years, off, on = calendar
    if day.year not in years:
        raise Uncovered(day.year)
    if day in on:
        return True
    if day in off:
        return False
    return day.weekday() < 5


def roll_forward(calendar, day):
    while not is_workday(calendar, day):
        day += datetime.timedelta(days=1)
    return day


def records_in(path):
    files = []
    if os.path.isdir(path):
        for root, _, names in os.walk(path):
            files += [os.path.join(root, n) for n in names if n.endswith((".yaml", ".yml"))]
    else:
        files.append(path)
    for name in sorted(files):
        with open(name, encoding="utf-8") as f:
            for doc in yaml.safe_load_all(f):
                if isinstance(doc, dict) and "records" in doc:
                    header = doc.get("ledger") or {}
                    for r in doc["records"] or []:
                        yield {**header, **r}
                elif isinstance(doc, list):
                    yield from doc
                elif isinstance(doc, dict):
                    yield doc


def stage_date(value):
    return value["date"] if isinstance(value, dict) else value


def progress(calendar, as_of, paths):
    counts = {
        "task": dict.fromkeys(
            ["total", "not_started", "in_progress", "staged", "completed", "unknown",
             "completed_late", "overdue"], 0),
        "petition": dict.fromkeys(["total", "closed", "staged", "closed_late", "overdue"], 0),
    }
    statuses = {"not-started": "not_started", "in-progress": "in_progress",
                "staged": "staged", "completed": "completed"}
    for record in (r for p in paths for r in records_in(p)):
        kind = record.get("kind", "task")
        stages = {name: stage_date(v) for name, v in (record.get("stages") or {}).items()}
        stages = {name: d for name, d in stages.items() if d <= as_of}
        extensions = [e for e in record.get("extensions") or []
                      if e.get("approved_on") is None or e["approved_on"] <= as_of]
        approved = [e for e in extensions if e.get("approved_by") and e.get("to")]
        c = counts[kind]
        c["total"] += 1
        if kind == "task":
            last = "closure"
            c[statuses.get(record.get("status"), "unknown")] += 1
            deadline = approved[-1]["to"] if approved else record.get("deadline")
            computed = deadline
        else:
            last = "closed"
            if record.get("status") == "staged":
                c["staged"] += 1
            if last in stages and record.get("status") != "staged":
                c["closed"] += 1
            days = 90 if approved else 60
            assigned = record.get("assigned")
            computed = assigned + datetime.timedelta(days=days) if assigned else None
        try:
            due = roll_forward(calendar, computed) if computed else None
        except Uncovered:
            due = None
        done = stages.get(last)
        if due is None:
            continue
        if done is None and due < as_of:
            c["overdue"] += 1
        if done is not None and done > due:
            c["completed_late" if kind == "task" else "closed_late"] += 1
    return counts


def main():
    calendar = load_calendar(sys.argv[1])
    as_of = datetime.date.fromisoformat(sys.argv[2])
    print(json.dumps(progress(calendar, as_of, sys.argv[3:]), sort_keys=True))


if __name__ == "__main__":
    main()
