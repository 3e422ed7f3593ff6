#!/usr/bin/env python3
"""Generate the example petition ledgers (examples/jiangsu/petitions/*.yaml).

Deterministic: no clock, no `random` module (its algorithms may change
between Python versions); a fixed linear congruential generator picks the
titles and day offsets. Run from anywhere:

    python3 examples/generate.py

The intentional violations are placed by hand in SPECIAL below and listed in
examples/README.md; every other petition is replied within 9 days and
closed within 58 days of being handed over, so it is compliant whatever
the holidays.
"""

import datetime
import pathlib

OUT = pathlib.Path(__file__).resolve().parent / "jiangsu" / "petitions"
ROUND = "central-2022-2"

# Days on which the inspection team handed petitions over (交办), all
# working days in April and May 2022.
BATCHES = [
    "2022-04-12", "2022-04-15", "2022-04-19", "2022-04-22", "2022-04-26",
    "2022-04-29", "2022-05-06", "2022-05-10", "2022-05-13", "2022-05-17",
]

CITIES = [
    # code, name, region, unit, petitions, districts
    ("NJ", "南京", "Jiangsu/Nanjing", "Nanjing Municipal Government", 28,
     ["玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区", "栖霞区", "雨花台区", "江宁区", "六合区", "溧水区", "高淳区"]),
    ("WX", "无锡", "Jiangsu/Wuxi", "Wuxi Municipal Government", 24,
     ["梁溪区", "锡山区", "惠山区", "滨湖区", "新吴区", "江阴市", "宜兴市"]),
    ("XZ", "徐州", "Jiangsu/Xuzhou", "Xuzhou Municipal Government", 22,
     ["鼓楼区", "云龙区", "贾汪区", "泉山区", "铜山区", "丰县", "沛县", "睢宁县", "新沂市", "邳州市"]),
    ("SZ", "苏州", "Jiangsu/Suzhou", "Suzhou Municipal Government", 26,
     ["姑苏区", "吴中区", "相城区", "吴江区", "虎丘区", "常熟市", "张家港市", "昆山市", "太仓市"]),
    ("YC", "盐城", "Jiangsu/Yancheng", "Yancheng Municipal Government", 20,
     ["亭湖区", "盐都区", "大丰区", "响水县", "滨海县", "阜宁县", "射阳县", "建湖县", "东台市"]),
]

TOPICS = [
    ("air", "{d}某化工企业夜间排放刺激性异味扰民"),
    ("noise", "{d}某建筑工地夜间施工噪声扰民"),
    ("water", "{d}某小区生活污水直排河道"),
    ("water", "{d}某印染企业疑似偷排废水"),
    ("air", "{d}某混凝土搅拌站扬尘污染"),
    ("solid-waste", "{d}某村建筑垃圾违规堆放"),
    ("air", "{d}临街餐饮店油烟扰民"),
    ("ecology", "{d}某河道非法采砂"),
    ("solid-waste", "{d}某企业危险废物露天堆放"),
    ("air", "{d}某砖瓦厂烟尘排放超标"),
    ("water", "{d}某养殖场粪污直排沟渠"),
    ("noise", "{d}某工厂机器设备噪声扰民"),
    ("ecology", "{d}湖岸违规建设农家乐"),
    ("air", "{d}露天焚烧垃圾和秸秆"),
    ("water", "{d}某河道黑臭问题长期未解决"),
    ("solid-waste", "{d}某废品回收站违规拆解电子废物"),
]

# (city, number) -> what is intentionally wrong with that petition.
SPECIAL = {
    ("NJ", 5): "reply-late",
    ("NJ", 17): "close-late",
    ("NJ", 23): "open",
    ("WX", 8): "reply-late",
    ("WX", 14): "extension",
    ("XZ", 3): "open",
    ("XZ", 9): "open",
    ("XZ", 11): "reply-late",
    ("XZ", 15): "close-late",
    ("XZ", 20): "open",
    ("SZ", 6): "staged",
    ("SZ", 12): "close-late",
    ("SZ", 19): "reply-late",
    ("YC", 4): "reply-late",
    ("YC", 16): "close-late",
}

# Lateness used for the late cases, in days after hand-over. A reply is due
# 10 days after hand-over and a closure 60 days after (both moved to the next
# working day); these offsets are late even after the longest move.
REPLY_LATE = [18, 21, 16, 25, 19]
CLOSE_LATE = [75, 96, 121, 88]


class Lcg:
    """Numerical Recipes' 32-bit LCG: small, fixed, reproducible."""

    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (1664525 * self.state + 1013904223) % 2**32
        return (self.state >> 8) % n


def day(text, offset=0):
    return datetime.date.fromisoformat(text) + datetime.timedelta(days=offset)


def petition(code, unit, districts, number, rng, late):
    category, template = TOPICS[rng.below(len(TOPICS))]
    title = template.format(d=districts[rng.below(len(districts))])
    batch = rng.below(len(BATCHES))
    assigned = BATCHES[batch]
    replied, closed = 2 + rng.below(8), 15 + rng.below(44)
    special = SPECIAL.get((code, number))
    lines = [
        f"  - id: JS-2022-R2-XF-{code}-{number:03d}",
        f"    title: {title}",
        f"    category: {category}",
        f"    batch: {batch + 1}",
        f"    assigned: {assigned}",
    ]
    if special == "reply-late":
        replied = late["reply"].pop(0)
    if special == "close-late":
        closed = late["close"].pop(0)
    closed = max(closed, replied + 10)
    if special == "extension":
        closed = 80
        lines += [
            "    extensions:",
            f"      - to: {day(assigned, 90)}",
            f"        approved_by: {unit.replace('Government', 'Leading Group for Inspection Rectification')}",
            f"        approved_on: {day(assigned, 45)}",
            "        reason: 需第三方检测机构连续监测两个月后方可办结",
        ]
    status = {"open": "in-progress", "staged": "staged"}.get(special, "completed")
    lines += [f"    status: {status}", "    stages:", f"      replied: {day(assigned, replied)}"]
    if special != "open":
        lines.append(f"      closed: {day(assigned, closed)}")
    return lines


def ledger(code, name, region, unit, count, districts, late):
    rng = Lcg(sum(map(ord, code)))
    lines = [
        f"# {name}市 中央第二轮生态环境保护督察交办信访件办理台账",
        "# Generated by examples/generate.py; edit the generator, not this file.",
        "ledger:",
        "  kind: petition",
        f"  round: {ROUND}",
        f"  region: {region}",
        "  responsible:",
        f"    unit: {unit}",
        f"    lead: {unit.replace('Municipal Government', 'Ecology and Environment Bureau')}",
        "records:",
    ]
    for number in range(1, count + 1):
        lines += petition(code, unit, districts, number, rng, late)
    return "\n".join(lines) + "\n"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    late = {"reply": list(REPLY_LATE), "close": list(CLOSE_LATE)}
    for code, name, region, unit, count, districts in CITIES:
        path = OUT / f"{region.split('/')[1].lower()}.yaml"
        path.write_text(ledger(code, name, region, unit, count, districts, late), encoding="utf-8")


if __name__ == "__main__":
    main()
