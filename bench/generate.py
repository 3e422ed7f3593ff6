#!/usr/bin/env python3
"""Generate N rectification records over F files, for the benchmark.

    python3 bench/generate.py OUT_DIR --records 100000 --files 1000 [--seed 1] [--fail-percent P]

Deterministic for a given seed: no clock, no `random` module (its algorithms
may change between Python versions); a fixed linear congruential generator
picks everything. Records follow the record format:

- file forms: every 10th file holds one record, files 1-3 of each ten a
  plain list of records, the rest ledgers (`ledger:` header + `records:`);
- tasks (2/3) and petitions (1/3), Chinese titles, units per city;
- dates 2022-01 to 2025-06, due dates before 2026-06, so the bundled
  calendar (2022-2026) covers every computation at --as-of 2025-06-30;
- about 10% of records break one bundled rule (plan late, closed after the
  deadline, no acceptance evidence, accepted by the responsible unit,
  completed without closure, petition replied or closed late);
  `--fail-percent P` draws P% of records to break one instead (a few of
  those draws break none, as with the default share).
"""

import argparse
import datetime
import pathlib

CITIES = [
    ("NJ", "南京", "Nanjing"), ("WX", "无锡", "Wuxi"), ("XZ", "徐州", "Xuzhou"),
    ("CZ", "常州", "Changzhou"), ("SZ", "苏州", "Suzhou"), ("NT", "南通", "Nantong"),
    ("LY", "连云港", "Lianyungang"), ("HA", "淮安", "Huai'an"), ("YC", "盐城", "Yancheng"),
    ("YZ", "扬州", "Yangzhou"), ("ZJ", "镇江", "Zhenjiang"), ("TZ", "泰州", "Taizhou"),
    ("SQ", "宿迁", "Suqian"),
]
TOPICS = [
    ("water", "{c}重点河道水质提升与入河排污口整治"),
    ("air", "{c}化工园区挥发性有机物综合治理"),
    ("ecology", "{c}自然保护区内违规建设项目清理"),
    ("solid-waste", "{c}危险废物非法倾倒问题整改"),
    ("water", "{c}城镇生活污水处理提质增效"),
    ("air", "{c}建筑工地扬尘污染专项整治"),
    ("noise", "{c}工业企业噪声扰民问题整治"),
    ("ecology", "{c}长江岸线非法码头拆除与生态修复"),
]
PETITIONS = [
    ("air", "{c}某化工企业夜间排放刺激性异味扰民"),
    ("noise", "{c}某建筑工地夜间施工噪声扰民"),
    ("water", "{c}某小区生活污水直排河道"),
    ("solid-waste", "{c}某村建筑垃圾违规堆放"),
    ("air", "{c}临街餐饮店油烟扰民"),
]
ACCEPTOR = "Jiangsu Provincial Department of Ecology and Environment"
START = datetime.date(2022, 1, 4)
SPAN_DAYS = 800  # assigned dates 2022-01-04 .. 2024-03


class Lcg:
    def __init__(self, seed):
        self.state = (seed * 6364136223846793005 + 1442695040888963407) % 2**64

    def next(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.state >> 33) % n


def unit(city):
    return f"{city[2]} Municipal Government"


def d(base, days):
    return (base + datetime.timedelta(days=days)).isoformat()


def task(rng, n, city, indent, fail):
    """A task record's lines (without the id/unit lines), and its violation."""
    assigned = START + datetime.timedelta(days=rng.next(SPAN_DAYS))
    category, title = TOPICS[rng.next(len(TOPICS))]
    broken = rng.next(100) < (12 if fail is None else fail)
    kind = rng.next(6) if broken else -1
    in_progress = not broken and rng.next(10) < 3
    lines = [
        f"title: {title.format(c=city[1])}",
        f"category: {category}",
        f"assigned: {assigned.isoformat()}",
    ]
    if in_progress:
        deadline = datetime.date(2025, 8, 1) + datetime.timedelta(days=rng.next(280))
        lines += [f"deadline: {deadline.isoformat()}", "status: in-progress", "stages:",
                  f"  plan: {d(assigned, 15 + rng.next(20))}"]
        return lines
    deadline = assigned + datetime.timedelta(days=330 + rng.next(60))
    plan = 15 + rng.next(20) if kind != 0 else 70 + rng.next(30)
    closure = 275 + rng.next(20) if kind != 1 else 420 + rng.next(40)
    acceptance_by = unit(city) if kind == 3 else ACCEPTOR
    lines += [f"deadline: {deadline.isoformat()}", "status: completed", "stages:",
              f"  plan: {d(assigned, plan)}",
              f"  verification: {{ date: {d(assigned, 200)}, evidence: [{city[0].lower()}/{n}/verify.pdf] }}",
              "  acceptance:",
              f"    date: {d(assigned, 230)}",
              f"    by: {acceptance_by}"]
    if kind != 2:
        lines.append(f"    evidence: [{city[0].lower()}/{n}/acceptance.pdf, {city[0].lower()}/{n}/site.zip]")
    lines.append(f"  notice: {{ date: {d(assigned, 235)}, end: {d(assigned, 265)} }}")
    if kind != 4:
        lines.append(f"  closure: {d(assigned, closure)}")
    return lines


def petition(rng, n, city, fail):
    assigned = START + datetime.timedelta(days=rng.next(SPAN_DAYS + 300))
    category, title = PETITIONS[rng.next(len(PETITIONS))]
    broken = rng.next(100) < (11 if fail is None else fail)
    late_reply = broken and rng.next(2) == 0
    late_close = broken and not late_reply
    replied = 12 + rng.next(10) if late_reply else 2 + rng.next(7)
    closed = 70 + rng.next(30) if late_close else 20 + rng.next(35)
    return [
        "kind: petition",
        f"title: {title.format(c=city[1])}",
        f"category: {category}",
        f"assigned: {assigned.isoformat()}",
        "status: completed",
        "stages:",
        f"  replied: {d(assigned, replied)}",
        f"  closed: {d(assigned, closed)}",
    ]


def record(rng, n, city, with_unit, fail):
    is_petition = rng.next(3) == 0
    body = petition(rng, n, city, fail) if is_petition else task(rng, n, city, 0, fail)
    prefix = "XF" if is_petition else "RW"
    head = [f"id: JS-{prefix}-{city[0]}-{n:07d}", "round: central-2022-2",
            f"region: Jiangsu/{city[2]}"]
    if with_unit:
        head += ["responsible:", f"  unit: {unit(city)}", "  lead: Ecology and Environment Bureau"]
    return head + body


def indent(lines, first, rest):
    return [(first if i == 0 else rest) + line for i, line in enumerate(lines)]


def write_file(path, form, numbers, rng, fail):
    city = CITIES[rng.next(len(CITIES))]
    out = [f"# {city[1]} 督察整改台账 (generated by bench/generate.py)"]
    if form == "single":
        out += record(rng, numbers[0], city, True, fail)
    elif form == "list":
        for n in numbers:
            out += indent(record(rng, n, city, True, fail), "- ", "  ")
    else:
        out += ["ledger:", "  round: central-2022-2", "  responsible:",
                f"    unit: {unit(city)}", "    lead: Ecology and Environment Bureau",
                "records:"]
        for n in numbers:
            out += indent(record(rng, n, city, False, fail), "  - ", "    ")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fail-percent", type=int, default=None, metavar="P",
                        help="records drawn to break a rule, in percent (default: 12 of tasks, 11 of petitions)")
    args = parser.parse_args()
    rng = Lcg(args.seed)
    files = max(1, min(args.files, args.records))
    forms = ["single" if i % 10 == 0 else "list" if i % 10 <= 3 else "ledger" for i in range(files)]
    singles = forms.count("single")
    multi = files - singles
    rest = args.records - singles
    n = 0
    for i, form in enumerate(forms):
        if form == "single" or multi == 0:
            count = 1 if multi else args.records // files + (i < args.records % files)
        else:
            k = i - (i // 10 + 1)  # index among multi-record files
            count = rest // multi + (k < rest % multi)
        sub = args.out / f"d{i // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        write_file(sub / f"f{i:05d}.yaml", form, list(range(n, n + count)), rng, args.fail_percent)
        n += count
    print(f"{n} records in {files} files under {args.out}")


if __name__ == "__main__":
    main()
