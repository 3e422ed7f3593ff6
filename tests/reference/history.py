#!/usr/bin/env python3
"""Independent progress history: the counts `rectify report --history`
gives at past period ends, computed here from the YAML alone.

    python3 tests/reference/history.py CALENDAR END... -- PATH...

At each END (a past day, not the evaluation date): a record assigned after
END is not counted; a stage dated after END is not known; a record is
completed (tasks) or closed (petitions) when its last stage is dated on or
before END (today's `status` is not dated, so it is not read); late and
overdue as tests/reference/progress.py decides them, day by day over the
calendar. Prints {END: {"task": {...}, "petition": {...}}} as JSON.
"""

import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import progress as ref  # noqa: E402


def counts_at(calendar, end, records):
    counts = {
        "task": dict.fromkeys(["total", "completed", "completed_late", "overdue"], 0),
        "petition": dict.fromkeys(["total", "closed", "closed_late", "overdue"], 0),
    }
    for record in records:
        assigned = record.get("assigned")
        if assigned is not None and assigned > end:
            continue
        kind = record.get("kind", "task")
        stages = {n: ref.stage_date(v) for n, v in (record.get("stages") or {}).items()}
        stages = {n: d for n, d in stages.items() if d <= end}
        extensions = [e for e in record.get("extensions") or []
                      if e.get("approved_on") is None or e["approved_on"] <= end]
        approved = [e for e in extensions if e.get("approved_by") and e.get("to")]
        if kind == "task":
            last, done_key, late_key = "closure", "completed", "completed_late"
            computed = approved[-1]["to"] if approved else record.get("deadline")
        else:
            last, done_key, late_key = "closed", "closed", "closed_late"
            days = 90 if approved else 60
            computed = assigned + datetime.timedelta(days=days) if assigned else None
        c = counts[kind]
        c["total"] += 1
        done = stages.get(last)
        if done is not None:
            c[done_key] += 1
        try:
            due = ref.roll_forward(calendar, computed) if computed else None
        except ref.Uncovered:
            due = None
        if due is None:
            continue
        if done is None and due < end:
            c["overdue"] += 1
        if done is not None and done > due:
            c[late_key] += 1
    return counts


def main():
    calendar = ref.load_calendar(sys.argv[1])
    split = sys.argv.index("--")
    ends = [datetime.date.fromisoformat(d) for d in sys.argv[2:split]]
    records = [r for p in sys.argv[split + 1:] for r in ref.records_in(p)]
    out = {str(end): counts_at(calendar, end, records) for end in ends}
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
