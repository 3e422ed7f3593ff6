#!/usr/bin/env bash
# The HTML progress report as people see it: renders the bundled example,
# with its unit names in Chinese, in headless Chromium (a screenshot and an
# A4 print to PDF) and checks the PDF: A4, its page count, a full first
# page, every Chinese unit name and record id and date found whole by
# pdftotext, and the evaluation date whole on the first page.
#
#   tests/clients/html.sh [RECTIFY]    RECTIFY: the binary (default: build it)
#
# Needs chromium, pdftotext/pdfinfo/pdftoppm (poppler-utils) and a
# CJK font (fonts-noto-cjk); installs them with apt-get when it can (as root
# or with sudo), else says so and exits 0 without checking, unless
# RECTIFY_REQUIRE_CHROMIUM=1. The progress history (`report --history
# monthly --format html`) is rendered the same way and checked too: A4, a
# few pages, the completion charts and their axes on page 1, every unit
# named whole in the on-time legend (Chinese too).
# Three pages of each: `en` (the example as it is), `zh` (unit names in
# Chinese, English words) and `zh-CN` (unit names in Chinese, `--lang
# zh-CN`: every heading, label and note in Chinese, which must show as
# glyphs: no English heading, and the Chinese ones found whole).
# The PNGs and PDF are left in $HTML_OUT
# (default: a temporary folder) to look at.
set -euo pipefail
cd "$(dirname "$0")/../.."

need() {
  command -v chromium >/dev/null && command -v pdftotext >/dev/null \
    && command -v pdftoppm >/dev/null \
    && [ -n "$(fc-list 'Noto Sans CJK SC' family 2>/dev/null)" ]
}
if ! need; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  if command -v apt-get >/dev/null && $sudo true 2>/dev/null; then
    echo "installing chromium, poppler-utils and fonts-noto-cjk" >&2
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      chromium poppler-utils fonts-noto-cjk fontconfig >/dev/null
  fi
fi
if ! need; then
  echo "html.sh: chromium, poppler-utils or fonts-noto-cjk missing; not checked" >&2
  [ "${RECTIFY_REQUIRE_CHROMIUM:-0}" = 1 ] && exit 1
  exit 0
fi

rectify=${1:-}
if [ -z "$rectify" ]; then
  cargo build --quiet --locked
  rectify=target/debug/rectify
fi

out=${HTML_OUT:-$(mktemp -d)}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The example ledgers with every unit named in Chinese.
cp -r examples/jiangsu "$work/ledgers"
units=(
  "Jiangsu Provincial Department of Agriculture and Rural Affairs=江苏省农业农村厅"
  "Jiangsu Provincial Department of Ecology and Environment=江苏省生态环境厅"
  "Jiangsu Provincial Department of Housing and Urban-Rural Development=江苏省住房和城乡建设厅"
  "Jiangsu Provincial Department of Industry and Information Technology=江苏省工业和信息化厅"
  "Jiangsu Provincial Department of Natural Resources=江苏省自然资源厅"
  "Jiangsu Provincial Department of Transport=江苏省交通运输厅"
  "Jiangsu Provincial Department of Water Resources=江苏省水利厅"
  "Nanjing Municipal Government=南京市人民政府"
  "Suzhou Municipal Government=苏州市人民政府"
  "Wuxi Municipal Government=无锡市人民政府"
  "Xuzhou Municipal Government=徐州市人民政府"
  "Yancheng Municipal Government=盐城市人民政府"
)
script=""
for pair in "${units[@]}"; do script+="s/${pair%%=*}/${pair#*=}/g;"; done
find "$work/ledgers" -name '*.yaml' -exec sed -i "$script" {} +

names=(en zh zh-CN)
for name in "${names[@]}"; do
  ledgers=examples/jiangsu lang=en
  [ "$name" = en ] || ledgers="$work/ledgers"
  [ "$name" = zh-CN ] && lang=zh-CN
  "$rectify" report "$ledgers" --lang "$lang" --as-of 2025-06-30 --format html \
    --output "$out/$name.html"
  flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync)
  timeout 60 chromium "${flags[@]}" --user-data-dir="$work/profile-$name-1" \
    --window-size=1280,2400 --screenshot="$out/$name-screen.png" "file://$out/$name.html" 2>/dev/null
  timeout 60 chromium "${flags[@]}" --user-data-dir="$work/profile-$name-2" \
    --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "file://$out/$name.html" 2>/dev/null
  pdftoppm -png -r 60 "$out/$name.pdf" "$out/$name-page"
  # The progress history, the same way.
  "$rectify" report "$ledgers" --lang "$lang" --as-of 2025-06-30 --history monthly \
    --format html --output "$out/$name-history.html"
  timeout 60 chromium "${flags[@]}" --user-data-dir="$work/profile-$name-3" \
    --window-size=1280,2400 --screenshot="$out/$name-history-screen.png" \
    "file://$out/$name-history.html" 2>/dev/null
  timeout 60 chromium "${flags[@]}" --user-data-dir="$work/profile-$name-4" \
    --no-pdf-header-footer --print-to-pdf="$out/$name-history.pdf" \
    "file://$out/$name-history.html" 2>/dev/null
  pdftoppm -png -r 60 "$out/$name-history.pdf" "$out/$name-history-page"
done

fail=0
check() { # check DESCRIPTION CONDITION...
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what" >&2; fail=1; fi
}
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
a4() { pdfinfo "$1" | grep -Eq '^Page size: .*\(A4\)'; }
# What page 1 says about the evaluation date, by page.
as_of() { [ "$1" = zh-CN ] && echo "截至2025-06-30" || echo "as of 2025-06-30"; }
for name in "${names[@]}"; do
  pdf="$out/$name.pdf"
  n=$(pages "$pdf")
  # Four or five pages today (the example's exemplary cases take most of
  # one); more than six means something stopped flowing.
  check "$name: $n pages of A4" a4 "$pdf"
  check "$name: 2 to 6 pages" test "$n" -ge 2 -a "$n" -le 6
  # The first page holds the headline, the score chart and the timeline.
  first=$(pdftotext -f 1 -l 1 -layout "$pdf" - | grep -c .)
  check "$name: a full first page ($first lines)" test "$first" -ge 35
  page1=$(pdftotext -f 1 -l 1 "$pdf" -)
  [ "$name" = zh-CN ] && page1=$(tr -d ' \n' <<<"$page1")
  check "$name: the timeline on page 1" grep -q -- "$(as_of "$name")" <<<"$page1"
  text=$(pdftotext -layout "$pdf" -)
  for id in JS-2022-R2-XF-XZ-003 JS-2022-R2-XZ-07 JS-2022-R2-PV-06 2022-06-13 2024-12-31; do
    check "$name: \`$id\` whole" grep -q -- "$id" <<<"$text"
  done
done
for name in zh zh-CN; do
  zh=$(pdftotext "$out/$name.pdf" - | tr -d ' \n')
  for pair in "${units[@]}"; do
    check "$name: ${pair#*=}" grep -q -- "${pair#*=}" <<<"$zh"
  done
done
# words PAGE CHINESE... -- ENGLISH...: the Chinese words of a zh-CN page
# found whole (so drawn as glyphs, not boxes: pdftotext reads back the
# characters of the font it drew them in), and none of the English ones.
words() {
  local page=$1 zh text english=0; shift
  zh=$(pdftotext "$out/$page.pdf" - | tr -d ' \n')
  for text in "$@"; do
    if [ "$text" = -- ]; then english=1; continue; fi
    if [ "$english" = 1 ]; then
      check "$page: no \`$text\`" bash -c '! pdftotext "$1" - | grep -q -- "$2"' _ "$out/$page.pdf" "$text"
    else
      check "$page: \`$text\`" grep -q -- "$text" <<<"$zh"
    fi
  done
}
words zh-CN "截至2025-06-30的整改进展" "整改任务42项，已完成35项" "责任单位得分" "整改时限" \
  "各责任单位整改进度" "典型案例" "到期日" \
  -- "Unit scores" "Deadlines" "Rectification progress" "Exemplary cases" "Due within"
for name in "${names[@]}"; do
  pdf="$out/$name-history.pdf"
  n=$(pages "$pdf")
  check "$name history: $n pages of A4" a4 "$pdf"
  check "$name history: 2 to 6 pages" test "$n" -ge 2 -a "$n" -le 6
  first=$(pdftotext -f 1 -l 1 "$pdf" -)
  texts=("Tasks completed over time" "Petitions closed over time" 2022-04-30 2025-06-30
    "35 of 42 tasks completed")
  if [ "$name" = zh-CN ]; then
    first=$(tr -d ' \n' <<<"$first")
    texts=("整改任务完成情况" "信访件办结情况" 2022-04-30 2025-06-30 "整改任务42项，已完成35项")
  fi
  for text in "${texts[@]}"; do
    check "$name history: \`$text\` on page 1" grep -q -- "$text" <<<"$first"
  done
done
for name in zh zh-CN; do
  zh=$(pdftotext "$out/$name-history.pdf" - | tr -d ' \n')
  for pair in "${units[@]:7}"; do
    check "$name history legend: ${pair#*=}" grep -q -- "${pair#*=}" <<<"$zh"
  done
done
words zh-CN-history "各责任单位按期完成率" "各期末整改进度" "按期完成率" \
  -- "On-time rate" "Progress at each period end" "over time"
echo "html.sh: screenshots and PDFs in $out" >&2
exit "$fail"
