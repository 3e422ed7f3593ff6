# rectify 的简体中文消息目录。每条消息与 i18n/en/rectify.ftl 中同名消息
# 一一对应，参数相同（由测试检查）。术语见 docs/glossary.md。
# 数量以数字传入，用 COUNT() 显示（千位分组：3,319）；分值按 rectify 的写法
# 传入（7.5、0.25）。

## 数量与分值，供其他消息引用。

count-errors = { COUNT($n) } 个错误
count-warnings = { COUNT($n) } 个警告
count-infos = { COUNT($n) } 条提示
count-commendations = { COUNT($n) } 项表扬
count-diagnostics = { COUNT($n) } 条诊断
points = { $points } 分

## human 与 plain 格式末尾的汇总。

# 「汇总：3 个错误，1 个警告，0 条提示，豁免 1 项，待办 4 项；扣分 7.5 分」
summary = 汇总：{ $errors }，{ $warnings }，{ $infos }，豁免 { COUNT($waived) } 项，待办 { COUNT($pending) } 项；扣分 { $penalty }
# 有规则给予加分时接在汇总之后。
summary-rewards = ；{ $commendations }，加分 { $reward }
# 有输入文件无法读取或检查时接在汇总之后。
summary-inputs = ；输入文件 { $diagnostics }

# 单位得分表的列名。
scoreboard =
    .unit = 责任单位
    .records = 记录数
    .findings = 问题数
    .penalty = 扣分
    .reward = 加分
    .score = 得分
    .grade = 等次

# 「整改进度：整改任务 41 项，已完成 16 项（逾期完成 2 项），逾期未完成 3 项；信访件 …」
progress = 整改进度：{ $parts }
progress-separator = ；
progress-task = 整改任务 { COUNT($total) } 项，已完成 { COUNT($done) } 项（逾期完成 { COUNT($late) } 项），逾期未完成 { COUNT($overdue) } 项
progress-petition = 信访件 { COUNT($total) } 件，已办结 { COUNT($done) } 件（逾期办结 { COUNT($late) } 件），逾期未办结 { COUNT($overdue) } 件
# 整改任务、信访件以外的记录类别。
progress-other = { $kind } { COUNT($total) } 项，已完成 { COUNT($done) } 项（逾期完成 { COUNT($late) } 项），逾期未完成 { COUNT($overdue) } 项

# `--due-within` 天内到期的环节。
due-soon = 近期到期（{ COUNT($days) } 天内）：
due-soon-none = 近期到期（{ COUNT($days) } 天内）：无

## concise 格式：`文件:行:列: 规则: 消息 [分值]`。

# 已豁免问题的方括号内容。
concise-waived = 已豁免
# 表扬的方括号内容：「[加分 1.5 分]」。
concise-reward = 加分 { $points }

## 问题：规则查出的结果，在出报告时才成文。环节名、字段名、规则编号和
## 表达式按原文显示（它们是数据）。

# 须写在一行内的消息（Markdown 表格单元格）各行之间的分隔。
verdict-separator = ；
verdict-rest = 其余部分无法检查：{ $reasons }
verdict-cannot-check = { $scope ->
    [applies] 无法判断规则是否适用：{ $reasons }
    [group] 无法判断记录所属的分组：{ $reasons }
   *[rule] 无法检查：{ $reasons }
}
verdict-commended = 表扬：符合该规则的全部要求
verdict-commended-early = 表扬：`{ $stage }` 于 { $actual } 完成，比 `{ $constraint }` 的到期日 { $due } 提前 { $early }

# 「30 个工作日」「1 天」。
amount = { $n } { $unit ->
    [day] 天
    [workday] 个工作日
    [week] 周
    [month] 个月
   *[year] 年
}
# 「6 天（4 个工作日）」。
lateness = { $days }（{ $workdays }）

# 到期日的由来；rolled：原到期日不是工作日，顺延至下一个工作日。
due-within = 应于 { $due } 前完成（`{ $after }` { $base } 后 { $amount }）
due-within-rolled = 应于 { $due } 前完成（`{ $after }` { $base } 后 { $amount }为 { $computed }，非工作日，顺延）
due-by = 应于 `{ $what }` { $due } 前完成
due-by-rolled = 应于 { $due } 前完成（`{ $what }` { $computed } 非工作日，顺延）

fact-late = `{ $stage }` { $due }；实际为 { $actual }，逾期 { $lateness }
fact-overdue = `{ $stage }` { $due }；截至 { $as_of } 仍未记录，逾期 { $lateness }
fact-missing = 缺少 `{ $expr }`
fact-present = `{ $expr }` 不应存在{ $details }
fact-fails = `{ $expr }` 不成立{ $details }
fact-order = `{ $first }`（{ $first_date }）应{ $op ->
    [before] 早于
    [on-or-before] 不晚于
    [after] 晚于
   *[on-or-after] 不早于
} `{ $second }`（{ $second_date }）
fact-skipped = 跳过了 `{ $stage }`：已记录 `{ $later }`，但未记录 `{ $stage }`
fact-out-of-order = `{ $stage }`（{ $date }）早于 `{ $previous }`（{ $previous_date }）
fact-too-short = `{ $stage }` 持续 { $length }（{ $first } 至 { $last }），不足 { $needed }
fact-no-evidence-listed = `{ $stage }` 未列出佐证材料
fact-no-evidence = `{ $stage }` 无佐证材料
fact-extension = 第 { $n } 次延期：{ $parts }

# 不成立的条件所读取的值：「（`status` 为 `open`、…）」。
seen-details = （{ $seen }）
seen-value = `{ $expr }` 为 { $value }
seen-same-unit = `{ $a }` 与 `{ $b }` 是同一责任单位
seen-list = `{ $expr }` 为含 { $n } 项的列表
seen-mapping = `{ $expr }` 为映射
seen-missing = `{ $expr }` 缺失

# 规则无法检查的原因。
reason-rule = 规则 `{ $id }` 无法检查该记录
reason-calendar = 日历 `{ $calendar }` 未覆盖 { $year } 年
reason-not-text = `{ $expr }` 不是文本
reason-not-bool = `{ $expr }` 不是 true 或 false
reason-cannot-compare = 无法比较 `{ $a }` 与 `{ $b }`
reason-not-date = `{ $expr }` 不是日期
reason-stage-field = `{ $stage }` 缺少 `{ $field }`
reason-extension-field = 该延期缺少 `{ $field }`
reason-record-field = 记录缺少 `{ $field }`
reason-date-range = `{ $expr }` 超出支持的日期范围
reason-after-range = { $base } 后 { $amount } 超出支持的日期范围
reason-no-calendar = 计算工作日需要日历
reason-group-field = 记录缺少 `{ $field }`，而该规则按 { $by } 分组
reason-extension = 第 { $n } 次延期：{ $reason }

# 问题所在位置的标注。
label-not-recorded = `{ $stage }` 应于 { $due } 前完成，截至 { $as_of } 未记录
label-late = 逾期 { $lateness }，到期日 { $due }
label-due-from = 到期日 { $due } 由此起算
label-dated = `{ $stage }` 日期为 { $date }
label-recorded-without = 记录了此环节，但未记录 `{ $stage }`
label-before = 早于 `{ $stage }` { $date }
label-ends-after = 持续 { $length }即结束
label-empty-evidence = 佐证材料列表为空
label-no-evidence = 未记录 `evidence`
label-this-record = 此记录
label-group-rule = 分组规则
label-early = 提前 { $early }，到期日 { $due }
label-commended = 表扬

# 扣分的计算：「1 + 0.1 × 4 个工作日 = 1.4」。
note-penalty = { $fixed } + { $points } × { $per } = { $total }
# 「2 个周期（每周期 30 天，不足一个周期按一个周期计）」。
note-periods = { $count } 个周期（每周期 { $every }，不足一个周期按一个周期计）
note-capped = { $note }，封顶 { $cap }
# 分组按差距比例扣分：「86.36% 低于 95% 8.64 个百分点，计 9 个：0.5 × 9 个百分点 = 4.5」。
note-shortfall = { $shortfall }：{ $fixed }{ $points } × { $units } { $unit ->
    [percentage-point] 个百分点
   *[record] 条记录
} = { $total }
shortfall-share = { $figure }% { $dir ->
    [below] 低于
   *[over] 高于
} { $threshold }% { $short } 个百分点{ $strict }，不足一个按一个计，计 { $units } 个
shortfall-strict = ，`{ $op }` 在阈值处即不满足
shortfall-count = 计入 { $met } 条，{ $dir ->
    [below] 比最低要求（{ $bound }）少
   *[over] 比上限（{ $bound }）多
} { $units } 条

# 分组规则：「unit `徐州市人民政府`：`share of (…) >= 95%` 为 …」。
verdict-group = { $group }：{ $figures }
group-all = 全部记录
group-key = { $key ->
    [unit] 责任单位
   *[other] { $key }
} `{ $value }`
group-and = 、
group-required = { $op ->
    [eq] 恰为
    [ne] 不等于
    [lt] 低于
    [le] 不超过
    [gt] 高于
   *[ge] 不低于
} { $threshold }
group-figure-share = `{ $constraint }` 为 { $figure }（{ $members } 条 `{ $kind }` 记录中 { $met } 条），要求{ $required }
group-figure-count = `{ $constraint }` 在 { $members } 条 `{ $kind }` 记录中成立 { $met } 条，要求{ $required }
group-unknown = （{ $n } 条无法检查）
group-listed-share = ；未达到要求的记录：{ $ids }
group-listed-count = ；计入的记录：{ $ids }
group-more = { $ids } 等，另有 { $n } 条

## 问题的附注：帮助行与各报告的说明。

# 已豁免问题的消息：「P-1：…（已豁免）」。
finding-waived = { $message }（已豁免）
help-at = 位置：{ $place }
help-cite = 依据：{ $cite }
help-waiver = 豁免：{ $note }
# 「扣分：1.4 分（1 + 0.1 × 4 个工作日 = 1.4）」。
help-penalty = 扣分：{ $shown }
help-reward = 加分：{ $shown }
help-penalty-waived = 扣分：无，已豁免（原应扣 { $shown }）
help-reward-waived = 加分：无，已豁免（原应加 { $shown }）
help-amount-note = { $amount }（{ $note }）
waiver-approved = 经 `{ $by }` 批准
waiver-approved-until = 经 `{ $by }` 批准，有效期至 { $until }

# 问题所依据的规则。
rule-named = 规则 `{ $id }`{ $title }
rule-defined-in = 规则 `{ $id }`{ $title }，定义于 { $file }
# 接在规则编号后的标题：「：整改方案在反馈后 30 个工作日内报送」。
rule-title = ：{ $title }
rule-defined-here = 规则定义于此

# JUnit 失败说明中的责任单位与分组的记录。
help-unit = 责任单位：{ $unit }
help-records = 记录：{ $ids }
# 接在 GitHub 注释消息之后。
annotation-waiver = （豁免：{ $note }）
annotation-penalty = （扣分 { $points }）
annotation-reward = （加分 { $points }）
# JUnit 中因问题已豁免而跳过的用例。
junit-waived = 已豁免：{ $reason }
junit-waiver-unknown = 经批准的豁免
# 编辑器中已豁免的问题：「已豁免：经 … 批准，有效期至 …」。
lsp-waived = 已豁免
lsp-waived-note = 已豁免：{ $note }

## report
# `rectify report`、`report --history` 与 `diff`：标题、列名、图表标注与说明。
# 记录中的数据（责任单位、编号、等次）与日期按原样显示。

# 报告各表的列名。
report-column =
    .kind = 类型
    .total = 总数
    .completed = 已完成
    .staged = 阶段性完成
    .in-progress = 推进中
    .not-started = 未启动
    .unknown = 状态不明
    .closed = 已办结
    .late = 逾期完成
    .overdue = 逾期
    .round = 轮次
    .unit = 责任单位
    .record = 记录
    .rule = 规则
    .due = 到期日
    .early-days = 提前天数
    .reward = 加分
    .at = 位置
    .days = 逾期天数
    .stage = 环节
    .points = 扣分
    .in-days = 剩余天数
    .records = 记录数
    .findings = 问题数
    .penalty = 扣分
    .score = 得分
    .grade = 等次
    .on-time = 按期完成率
    .end = 期末
    .file = 文件
    .incurred = 本期扣分
    .completed-on = 完成日期
    .change = 变化
    .place = 位置
    .message = 说明
# 表中记录类型的名称。
report-kind = { $kind ->
    [task] 整改任务
    [petition] 信访件
   *[other] { $kind }
}
# 标题行的一部分：「整改任务 41 项，已完成 16 项」。
report-headline-task = 整改任务 { COUNT($total) } 项，已完成 { COUNT($done) } 项
report-headline-petition = 信访件 { COUNT($total) } 件，已办结 { COUNT($done) } 件
report-headline-other = { $kind } { COUNT($total) } 条，已完成 { COUNT($done) } 条
report-headline-separator = ；
report-no-records = 没有记录
report-title = 截至 { $date } 的整改进展
report-as-of = 截至 { $date }
report-nothing = 无
report-nothing-md = 无。
report-no-round = （无轮次）
report-waived = 已豁免
report-progress = 整改进度
report-progress-by-round = 各轮次整改进度
report-progress-by-unit = 各责任单位整改进度
report-scoreboard = 责任单位得分（由低到高）
report-exemplary = 典型案例
report-overdue = 逾期
report-overdue-earlier = 前序环节逾期
report-due-within = { $date } 起 { $days } 天内到期
# HTML 页面中的图表。
report-chart-scores = 责任单位得分
report-chart-deadlines = 整改时限
report-chart-scores-label = 责任单位得分
report-chart-deadlines-label = 整改时限
report-chart-deadline = 时限
report-chart-no-deadlines = 没有可显示的时限。
report-chart-legend = 圆点：到期日。橙色条：逾期完成。红色条：逾期未完成，画至评估日期。空心圆点：尚未到期。只显示有问题或仍待办的时限。
report-chart-more = 另有 { COUNT($n) } 项未画出。
report-chart-due = 到期日 { $due }
report-chart-due-missing = 到期日 { $due }，截至 { $until } 仍未完成
report-chart-due-done = 到期日 { $due }，{ $until } 完成

# `report --history`。
history-title = 整改进度历史（{ $every }），{ $first } 至 { $last }
history-title-empty = 整改进度历史
history-every = { $every ->
    [weekly] 按周
    [monthly] 按月
    [quarterly] 按季度
   *[other] { $every }
}
history-progress = 各期末整改进度
history-units = 各期末责任单位情况
history-units-at = { $date } 责任单位情况
history-period = { $start } 之后至 { $end }
history-period-to = 截至 { $end }
history-completed = { $period } 完成
history-newly-overdue = 截至 { $date } 新增逾期
history-due-next = { $date }（下一期末）前到期
# 各期末按类型统计的列名。
history-total = { $kind ->
    [task] 整改任务
    [petition] 信访件
   *[other] { $kind }
}
history-done = { $kind ->
    [task] 已完成
   *[other] 已办结
}
history-done-late = { $kind ->
    [task] 逾期完成
   *[other] 逾期办结
}
history-overdue = { $kind ->
    [task] 整改任务逾期
    [petition] 信访件逾期
   *[other] { $kind } 逾期
}
# HTML 页面。
history-headline = 截至 { $date }：{ $parts }
history-headline-part = { $kind ->
    [task] 整改任务 { COUNT($total) } 项，已完成 { COUNT($done) } 项
    [petition] 信访件 { COUNT($total) } 件，已办结 { COUNT($done) } 件
   *[other] { $kind } { COUNT($total) } 条，已办结 { COUNT($done) } 条
}
history-chart-kind = { $kind ->
    [task] 整改任务完成情况
    [petition] 信访件办结情况
   *[other] { $name } 办结情况
}
history-line-total = 总数
history-line-overdue = 逾期
history-chart-label = 折线图
history-on-time = 各责任单位按期完成率
history-no-units = 没有责任单位。
history-on-time-note = 按期完成率：责任单位最后环节已完成或已逾期的记录中，在到期日当天或之前完成的比例。最后一期按期完成率最低的 { $n } 个责任单位单独画出，其余合并为一条。断开处：尚无到期事项。
history-others = 其他 { $n } 个责任单位

# `rectify diff`。
diff-title = { $from } 至 { $to } 的变化
diff-headline = 新增问题 { $new } 个，已消除 { $resolved } 个；{ $units } 个责任单位得分变化
diff-new = 新增问题
diff-resolved = 已消除问题
diff-scores = 得分变化
diff-from-after-to = `--from` { $from } 晚于 `--to` { $to }
diff-from-after-to-help = 请把较早的日期作为 `--from`
report-json-needs-history = `rectify report --format json` 输出的是整改进度历史：请加上 `--history PERIOD`
report-json-needs-history-help = 如需检查的 JSON 报告（含整改进度），请运行 `rectify check --format json`
# `report --history` 拒绝的日期范围。
history-range-backwards = 历史起于 { $from }，晚于其结束日期 { $to }
history-range-backwards-help = 请给出不晚于 `--to`（默认为评估日期）的 `--from`
history-range-too-long = 此范围内{ $every }统计的历史有 { $periods } 期，超过 { $max } 期
history-range-too-long-help = 请检查 `--from` 与 `--to` 的年份，或选择更长的周期；最多计算 { $max } 个期末

# xlsx 工作簿的工作表名与列标题（按英文名查找），及单元格中的用语。
xlsx-sheet =
    .findings = 问题
    .scoreboard = 得分
    .progress = 整改进度
    .input-errors = 输入错误
    .history = 进度历史
    .units = 责任单位
    .this-period = 本期
xlsx-heading =
    .file = 文件
    .line = 行
    .column = 列
    .rule = 规则
    .record = 记录
    .unit = 责任单位
    .severity = 级别
    .message = 说明
    .due = 到期日
    .actual = 实际日期
    .late-days = 逾期天数
    .late-workdays = 逾期工作日
    .penalty = 扣分
    .waived = 豁免
    .reward = 加分
    .records = 记录数
    .findings = 问题数
    .score = 得分
    .grade = 等次
    .commendations = 表扬
    .round = 轮次
    .kind = 类型
    .total = 总数
    .completed = 已完成
    .completed-late = 逾期完成
    .overdue = 逾期
    .staged = 阶段性完成
    .in-progress = 推进中
    .not-started = 未启动
    .unknown = 状态不明
    .closed = 已办结
    .code = 代码
    .end = 期末
    .completed-or-closed = 已完成或已办结
    .late = 逾期完成或办结
    .incurred = 本期扣分
    .on-time-rate = 按期完成率
    .list = 清单
    .date = 日期
xlsx-all-units = 全部责任单位
xlsx-list =
    .completed = 本期完成
    .newly-overdue = 新增逾期
    .due-next-period = 下期到期

## explain, rules, test, fmt

# `rectify explain`：一项结论的推导过程，每条消息一步。
# 缩进的步骤由 rectify 缩进，不在此处。
explain-heading-record = 规则 `{ $rule }` 对记录 `{ $record }`（{ $place }）
explain-heading-group = 规则 `{ $rule }` 对 { $group }
explain-other-kind = 规则 `{ $rule }` 适用于 `{ $kind }` 记录；记录 `{ $record }`（{ $place }）是 `{ $is }`，该规则不适用于它
explain-applies = 规则 `{ $rule }` 适用于 `{ $kind }` 记录，`{ $record }` 即是；评估日期为 { $as_of }
explain-not-known-yet = { $as_of } 之后的日期在当天尚不可知：这些环节视为未记录，这些延期视为未批准
explain-own-deadline = 记录本身的整改时限为 { $date }
explain-no-date = 无日期
explain-extension-approved = 第 { $n } 次延期至 { $to }，由 { $by } 于 { $on } 批准
explain-extension-approved-undated = 第 { $n } 次延期至 { $to }，由 { $by } 批准（无批准日期）
explain-extension-unapproved = 第 { $n } 次延期至 { $to } 没有 `approved_by`，不改变整改时限
explain-effective-extension = 有效的整改时限为 { $date }，由第 { $n } 次延期（最后一次获批的延期）确定
explain-effective-own = 有效的整改时限为记录本身的 { $date }
explain-when-holds = when `{ $when }`：成立，规则适用
explain-when-fails = when `{ $when }`：不成立，规则不适用
explain-when-unknown = when `{ $when }`：未知（缺少某个值），规则无法检查
explain-cannot-check-reason = 无法检查：{ $reason }
explain-counts-towards = 计入该分组规则中 { $group } 的分组
explain-require = 要求 `{ $text }`
explain-part-holds = 成立
explain-part-early = 成立：比到期日 { $due } 提前 { $amount }
explain-part-pending = 待办：{ $due } 到期，不早于评估日期
explain-part-fails = 不成立：{ $message }
explain-part-unknown = 无法检查：{ $reasons }
# 条件中的 `passes RULE` / `fails RULE`：该规则的结果。
explain-rule-cannot-check = 规则 `{ $rule }` 无法检查此记录
explain-rule-fails = 规则 `{ $rule }` 在此记录上不成立
explain-rule-pending = 规则 `{ $rule }` 在此记录上为待办，尚未到期
explain-rule-holds = 规则 `{ $rule }` 在此记录上成立
explain-rule-does-not-apply = 规则 `{ $rule }` 不适用于此记录
explain-expr-is = `{ $expr }` 为 { $date }
explain-counted = { $base } 之后 { $amount }为 { $due }
explain-counted-days = { $base } 之后 { $amount }为 { $due }（起始日不计入）
explain-counted-workdays = { $base } 之后 { $amount }为 { $due }，从 { $base } 的次日起计算工作日{ $notes }
explain-rolled = { $due } 不是工作日{ $notes }；到期日顺延至下一个工作日 { $rolled }（《民法典》第二百零三条）
# 其间跳过或调休上班的日子：「（春节 2025-01-28 至 2025-02-04 放假；周末 2 天）」。
explain-notes = （{ $notes }）
explain-note-sep = ；
explain-note-span = { $from } 至 { $to }
explain-note-holiday = { $holiday } { $span } 放假
explain-note-makeup = { $day } 调休上班（{ $holiday }）
explain-note-weekends = 周末 { $n } 天
explain-stage-due = `{ $stage }` 的到期日为 { $due }
explain-stage-in-time = `{ $stage }` 的日期为 { $date }，不晚于到期日 { $due }
explain-stage-overdue = `{ $stage }` 未记录；评估日期 { $actual } 已过到期日 { $due }
explain-stage-late = `{ $stage }` 的日期为 { $actual }，晚于到期日 { $due }
explain-lateness-counted = 逾期：从 { $due } 到 { $actual } 共 { $days } 天
explain-lateness-counted-workdays = 逾期：从 { $due } 到 { $actual } 共 { $days } 天；{ $due } 之后至 { $actual }（含）共 { $workdays } 个工作日
explain-reward-rule = 加分规则：{ $reward }
explain-not-commended = 结论：不予表扬：某项要求不成立、尚未到期或无法检查；无问题
explain-earliness = 提前：比 { $due } 提前 { $days } 天
explain-earliness-workdays = 提前：比 { $due } 提前 { $days } 天（{ $workdays } 个工作日）
explain-reward = 加分：{ $note }
explain-commended = 结论：表扬，加分 { $points } 分
explain-cannot-check = 结论：{ $message }（错误，不扣分）
explain-penalty-rule = 扣分规则：{ $penalty }
explain-points = { $points } 分
explain-figures-short = 每{ $dir ->
    [over] 超出
   *[other] 低于
} 1 { $unit ->
    [record] 条记录
   *[other] 个百分点
}扣 { $points }
explain-figures-fixed-short = { $fixed }，另每{ $dir ->
    [over] 超出
   *[other] 低于
} 1 { $unit ->
    [record] 条记录
   *[other] 个百分点
}加扣 { $plus } 分
explain-figures-per = ，另每{ $period ->
    [early] 提前
   *[other] 逾期
} { $every } { $unit ->
    [days] 天
   *[other] 个工作日
}{ $period ->
    [early] 加
   *[other] 加扣
} { $points } 分
explain-figures-cap = ，最多 { $cap } 分
explain-lateness = 逾期 { $days } 天
explain-lateness-workdays = 逾期 { $days } 天（{ $workdays } 个工作日）
explain-penalty = 扣分：{ $note }
explain-finding = 结论：{ $severity ->
    [error] 错误
    [warning] 警告
   *[other] 提示
}，扣分 { $points } 分
explain-pending = 结论：待办，尚未到期（{ $due } 到期）；无问题
explain-holds = 结论：规则成立；无问题
explain-waived = 已豁免：经 { $by } 批准，有效期至 { $until }（{ $reason }）；不扣分
explain-waiver-expired = 豁免已于 { $until } 到期，该问题照常计分
explain-waiver-incomplete = 豁免缺少 `{ $field }`（或为空），不生效
explain-waiver-malformed = 豁免中有无法读取的值，不生效
explain-not-applicable = 结论：规则不适用于此记录；无问题
# 分组规则的成员记录。
explain-member-met = 符合条件
explain-member-not-met = 不符合条件
explain-member-unknown = 无法检查该条件，视为不符合
explain-member-counted = 计入：{ $met }
explain-member-not-counted = 不计入：{ $met }
explain-member-in-share = 计入比例：{ $met }
explain-member-verdict = 结论：分组规则对 { $group } 整体评判，而非逐条记录；如需查看其数值，请运行 `{ $command }`
# 分组规则在一个分组上的推导。
explain-per-run = 整次运行
explain-by-and = 、
explain-group-applies = 规则 `{ $rule }` 按 { $by } 评判 `{ $kind }` 记录；{ $group } 共有 { $n } 条；评估日期为 { $as_of }
explain-group-skipped = `{ $record }` 不计入：{ $why }
explain-skipped-when = `when { $when }` 不成立
explain-skipped = 不计入
explain-list = { $what }：{ $n ->
    [0] 无
   *[other] { $n } 条记录：{ $ids }
}
explain-list-counted = 计入
explain-list-met = 符合条件
explain-list-not-met = 不符合条件
explain-list-count-met = 计入（条件成立）
explain-list-count-not-met = 不计入（条件不成立）
explain-list-unknown = 无法检查（视为不符合）
explain-figure-share = { $shown }（{ $members } 条中 { $met } 条），要求{ $required }：{ $verdict ->
    [holds] 成立
   *[other] 不成立
}
explain-figure-count = { $members } 条中计入 { $met } 条，要求{ $required }：{ $verdict ->
    [holds] 成立
   *[other] 不成立
}
explain-group-finding = 结论：{ $group }：{ $severity ->
    [error] 错误
    [warning] 警告
   *[other] 提示
}，扣分 { $points } 分
explain-group-meets = 结论：{ $group } 符合规则；无问题

# `rules check`、`test` 与 `fmt` 自身的汇总行与状态行。
rules-check-summary = 规则文件 { $files } 个，规则 { $rules } 条：{ $errors } 个错误，{ $warnings } 个警告
test-pass = 通过 { $file }：{ $case }
test-fail = 失败 { $file }：{ $case }
test-result = 测试结果：通过 { $passed } 个，失败 { $failed } 个
test-coverage = 覆盖率：{ $rules } 条规则中有 { $fired } 条在某个用例中触发（{ $percent }%）
test-never-fired = 从未触发：{ $ids }
test-never-passed = 从未通过：{ $ids }
test-never-pending = 时限从未处于待办：{ $ids }
fmt-formatted = 已格式化 { $file }
fmt-not-changed = `{ $file }` 未更改

## Advice for a near miss, in every kind of diagnostic
did-you-mean = 是否应为 `{ $name }`？

## Input diagnostics: YAML and records

# YAML 层。`reason` 是 YAML 解析器自身给出的（英文）原因。
yaml-syntax = YAML 语法错误：{ $reason }
yaml-syntax-unknown = YAML 语法错误
yaml-unknown-alias = 引用了未定义的 YAML 别名
yaml-too-deep = 嵌套超过 { $max } 层
yaml-alias-limit = 别名展开后超过 { $max } 个节点

# 记录文件。来自文件的值（`value`、`key`、`kind` 等）已截短；名称列表已连接：`a`, `b`, `c`。
# `expected` 与 `found` 是键：值应为何种类型、实际为何种类型。
record-wrong-type = 应为{ $expected ->
        [mapping] 映射
        [list] 列表
        [date] 日期
        [stage] 日期或含 `date` 的映射
       *[string] 字符串
    }，实为{ $found ->
        [empty] 空值
        [boolean] 布尔值
        [number] 数字
        [list] 列表
        [mapping] 映射
       *[string] 字符串
    }
    .help = 加上引号，使其成为字符串
record-not-a-record = 应为一条记录（映射），实为{ $found ->
        [empty] 空值
        [boolean] 布尔值
        [number] 数字
        [list] 列表
        [mapping] 映射
       *[string] 字符串
    }
record-bad-date =
    .help = 日期请写作 YYYY-MM-DD，如 2023-12-31
record-bad-date-form = `{ $value }` 不是有效日期：应为 YYYY-MM-DD 格式
record-bad-date-month = `{ $value }` 不是有效日期：不存在 { $month } 月
record-bad-date-day = `{ $value }` 不是有效日期：{ $year } 年 { $month } 月只有 { $days } 天
# `reason`：日期库自身给出的原因。
record-bad-date-other = `{ $value }` 不是有效日期：{ $reason }
# `in`：所在的映射（为 `stage` 时，环节名在 `stage` 中）；`keys`：该映射可用的键。
record-unknown-key = { $in ->
        [ledger] 台账文件中有未知的键 `{ $key }`
        [responsible] `responsible` 中有未知的键 `{ $key }`
        [extension] 延期记录中有未知的键 `{ $key }`
        [stage] 环节 `{ $stage }` 中有未知的键 `{ $key }`
       *[waiver] 豁免记录中有未知的键 `{ $key }`
    }
record-unknown-key-takes = { $in ->
        [ledger] 台账文件可用的键：{ $keys }
        [responsible] `responsible` 可用的键：{ $keys }
        [extension] 延期记录可用的键：{ $keys }
        [stage] 环节 `{ $stage }` 可用的键：{ $keys }
       *[waiver] 豁免记录可用的键：{ $keys }
    }
record-duplicate-key = 键 `{ $key }` 重复
    .label = 首次出现于此
    .help = 同一映射中每个键只能出现一次，请删除其中一个
record-missing-field = 缺少必填字段 `{ $field }`
    .help-id = 每条记录都需要 `id`，且在载入的全部记录中唯一
    .help-unit = `responsible.unit` 指明被评分的责任单位
    .help-records = 台账文件的记录以列表形式写在 `records:` 下
record-missing-date = 环节 `{ $stage }` 没有 `date`
    .help = 环节条目应为一个日期，或含 `date` 的映射
record-unknown-kind = 未知的记录类型 `{ $kind }`
    .help = 规则声明的记录类型为 { $kinds }
record-unknown-status = 未知的状态 `{ $status }`
    .help = 状态应为 { $statuses } 之一
record-unknown-field = 未知的字段 `{ $field }`
record-unknown-stage = 记录类型 `{ $kind }` 没有环节 `{ $stage }`
    .help = `{ $kind }` 的环节为 { $stages }
record-empty-file = 文件中没有记录
    .help = 记录文件应包含一条记录、一个记录列表或一份台账

# end of YAML and records


## Input diagnostics: spreadsheet import and rule tests

# 规则测试文件（`rectify test`）。`key` 为原样写出的键，已截短。
test-empty-file = 测试文件为空
test-not-a-mapping = 应为含 `cases` 的映射
test-unknown-key = 未知的键 `{ $key }`；可用的键为 `rules`、`as_of` 或 `cases`
test-no-cases = 测试文件没有 `cases`
test-cases-not-a-list = `cases` 应为列表
test-case-not-a-mapping = 用例应为映射
test-unknown-case-key = 未知的键 `{ $key }`；可用的键为 `name`、`as_of`、`records`、`files`、`expect` 或 `pending`
test-case-no-as-of = 用例没有 `as_of`（文件也未给出）
test-case-no-expect = 用例没有 `expect`（预期没有问题时写 `expect: none`）
test-expect-not-a-list = `expect` 应为问题列表或 `none`
test-expected-not-a-mapping = 预期问题应为含 `rule` 与 `record` 的映射
test-unknown-expected-key = 预期问题中有未知的键 `{ $key }`
test-expected-incomplete = 预期问题需要 `rule` 与 `record`（分组规则可用 `unit` 或 `group`）
test-group-not-a-mapping = `group` 应为字段到值的映射，如 `{"{"} region: Jiangsu/Wuxi {"}"}`
test-expected-text = 应为文本
test-expected-list = 应为列表
test-expected-date = 应为日期（YYYY-MM-DD）
test-expected-number = 应为整数
test-expected-boolean = 应为 `true` 或 `false`
test-expected-points = 应为分值，至多两位小数
test-expected-severity = 应为 `error`、`warning`、`info` 或 `commendation`
# `file`：`files:` 中原样写出的路径；`resolved`：其指向的路径。
test-missing-file = 记录文件 `{ $file }` 不存在（解析为 `{ $resolved }`）；`files:` 中的路径相对于测试文件

# 失败用例的各行：载入记录时的错误（`代码：说明`），然后是差异。`finding` 为 `test-finding-…` 消息。
test-case-error = { $code }：{ $message }
test-diff-missing = - 预期：{ $finding }
test-diff-unexpected = + 实际：{ $finding }
test-diff-pending-missing = - 预期：{ $n } 个待办时限
test-diff-pending-unexpected = + 实际：{ $n } 个待办时限
test-finding-on = { $rule }，记录 { $record }
test-finding-for = { $rule }，{ $group }
test-finding-details = { $finding }（{ $details }）
test-group-unit = 责任单位 { $unit }
test-group-field = { $field } { $value }
test-group-all = 全部记录
test-separator = {"，"}
test-detail-severity = { $severity ->
        [error] 错误
        [warning] 警告
        [info] 提示
       *[commendation] 表扬
    }
test-detail-penalty = 扣分 { $points } 分
test-detail-due = 到期日 { $date }
test-detail-late-days = 逾期 { $n } 天
test-detail-late-workdays = 逾期 { $n } 个工作日
test-detail-reward = 加分 { $points } 分
test-detail-early-days = 提前 { $n } 天
test-detail-early-workdays = 提前 { $n } 个工作日
test-detail-waived = 已豁免
test-detail-not-waived = 未豁免

# 表格导入（`rectify import`）。单元格文本与表头已中和、截短；`field` 为记录字段的路径（`stages.plan`）。
# 问题所在：单元格 `Sheet!C12`，或映射文件中的默认值。
import-cell = { $cell }
import-default = `{ $field }` 的默认值
import-save-as = 请将台账另存为 Excel 工作簿（.xlsx）或 CSV（UTF-8）
# `reason` 为操作系统或表格库自身给出的原因。
import-unreadable = 无法读取 `{ $file }`：{ $reason }
import-unreadable-map = 无法读取映射文件 `{ $file }`：{ $reason }
import-unreadable-workbook = 无法读取工作簿：{ $reason }
import-not-a-ledger = 无法导入 `{ $file }`：不是 .xlsx 或 .csv 文件
import-workbook-too-large = 无法读取工作簿：其各部分解压后共 { $total } 字节，超过文件大小 { $packed } 字节的 { $ratio } 倍
import-no-sheet = 工作簿中没有工作表 `{ $sheet }`
    .help = 工作簿中的工作表：{ $sheets }
import-no-sheets = 工作簿中没有工作表
import-sheet-too-large = 工作表 `{ $sheet }` 在 { $cell } 处有单元格，超出第 { $column } 列或第 { $rows } 行
import-csv-too-large = `{ $file }` 超过 { $columns } 列或 { $rows } 行
import-open-quote = `{ $file }` 中有未闭合的带引号字段
    .help = 以 `"` 开头的字段须以 `"` 结束；字段内的引号写作 `""`
import-no-row = 工作表 `{ $sheet }` 没有第 { $row } 行
import-no-heading = 工作表 `{ $sheet }` 的前 { $rows } 行中，没有同时含编号列与责任单位列的表头行
    .help = 预设可识别编号、责任单位等表头；其他表头请在映射文件（`--map`）中指定
import-ignored-column = 列 `{ $column }` 未导入
    .help = 请在映射文件（`--map`）的 `[columns]` 下将其映射到某个字段（或 `skip`）
import-ignored-column-given = 列 `{ $column }` 未导入：列 `{ $kept }` 已提供 `{ $field }`
    .help = 请在映射文件（`--map`）中将其映射到其他字段，或映射为 `skip`
import-duplicate-column = 列 `{ $column }` 映射到 `{ $field }`，与 { $place } 处的列 `{ $other }` 相同
    .help = 请在映射文件（`--map`）中将其中一列映射到其他字段，或映射为 `skip`
import-duplicate-id = 编号 `{ $id }` 已在 { $first } 使用
    .help = 每一行都需要自己的编号
# `what`：`id` 或 `unit`。
import-missing-field = 该行没有{ $what ->
        [id] 编号
       *[unit] 责任单位
    }
    .help = 每条记录都需要 `{ $field }`；请填写该单元格，如该行不是记录请删除
import-missing-date = 已给出 `{ $field }`，但没有 `{ $needs }`
    .help = 请填写该行的 `{ $needs }` 单元格
import-bad-cell = 单元格中是表格错误值 `{ $error }`
    .help = 请修正公式或直接填写数值（`{ $field }` 列）
import-bad-status = `{ $status }` 不是可识别的状态
    .help = 请填写已完成、阶段性完成、整改中或未启动，或在映射文件（`--map`）的 `[status]` 下加以转换（`{ $field }` 列）
import-bad-date = `{ $value }` 不是日期
    .help = 日期请写作 2023-06-30、2023/6/30、2023.6.30 或 2023年6月30日，或使用 Excel 日期（`{ $field }` 列）
import-bad-date-day = `{ $value }` 不是日期：{ $year } 年 { $month } 月没有 { $day } 日
import-bad-date-month = `{ $value }` 不是日期：不存在 { $month } 月
import-bad-date-serial = `{ $value }` 不是 Excel 日期
import-bad-date-years = 单元格中的日期超出 rectify 可处理的年份
# 映射文件的问题：`file` 第 `line` 行：……
import-map-toml = `{ $file }` 第 { $line } 行：{ $reason }
import-map-header-row = `{ $file }` 第 { $line } 行：`header-row` 应为行号，实为 `{ $found }`
    .help = 行号从 1 开始
import-map-date-formats = `{ $file }` 第 { $line } 行：`date-formats` 应为字符串列表
    .help = 请写作 "%d/%m/%Y" 等格式
import-map-wrong-type = `{ $file }` 第 { $line } 行：`{ $key }` 类型错误
import-map-not-a-table = `{ $file }` 第 { $line } 行：`{ $key }` 应为表（`[{ $key }]`）
import-map-unknown-key = `{ $file }` 第 { $line } 行：未知的键 `{ $key }`
import-map-not-a-field = `{ $file }` 第 { $line } 行：`{ $field }` 不是列可以填写的字段
import-map-column = `{ $file }` 第 { $line } 行：列 `{ $column }` 应映射到字段名
import-map-status = `{ $file }` 第 { $line } 行：状态 `{ $status }` 须对应一个已知状态
    .help = 可选 `not-started`、`in-progress`、`staged`、`completed`
import-map-default = `{ $file }` 第 { $line } 行：默认值的键 `{ $field }` 应为字段名，值应为字符串
import-map-keys = 映射文件可含 `sheet`（文本）、`header-row`（数字）、`date-formats`（文本列表），以及表 `[columns]`、`[status]` 与 `[defaults]`
import-map-fields = 字段：id、kind、title、category、round、region、responsible.unit、responsible.lead、assigned、deadline、status、stages.NAME[.end|.by|.evidence|.note]、extension.to|approved_on|approved_by|reason、skip，或其他字段的路径，如 budget.yuan

# end of spreadsheet import and rule tests


## Input diagnostics: rule files

# 规则文件中的规则编号、字段名、记录类型、环节名和值按原文显示；规则语言
# 的关键字在各语言中都按原文书写（`require`、`deadline`）。

# 语法错误中的列举：「a、b 或 c」。
rules-list-comma = { $rest }、{ $next }
rules-list-or = { $rest } 或 { $last }
rules-list-empty = 无

# 解析器遇到的内容，以及本应出现的内容。
rules-syntax-unexpected = 此处不应出现 { $found }，应为：{ $expected }
rules-syntax-unexpected-only = 此处不应出现 { $found }
rules-syntax-unexpected-end = 文件意外结束，应为：{ $expected }
    .only = 文件意外结束
rules-syntax-other = { $reason }
rules-syntax-reserved = { $found } 是保留字，不能用作名称
rules-syntax-chained-comparison = 比较不能连写：请写成 `a < b and b < c`，或加括号
rules-syntax-unterminated = 字符串未结束
    .help = 请在同一行内用 `"` 结束字符串；换行请写作 `\n`
# 解析器遇到的空白字符，以转义形式显示（`"\t"`）。
rules-found-space = 空白字符 { $token }
# 关键字、记号或名称，加反引号。
rules-word = `{ $word }`
rules-expected-end = 文件结尾
rules-expected-file = `ruleset` 或 `rule`
rules-expected-declaration = 声明（`calendar`、`deadlines on a non-working day …`、`pipeline`、`score per unit …`、`extra fields: …`）
rules-expected-item = 规则项（`title`、`cite`、`for`、`per`、`when`、`require`、`severity`、`penalty`、`reward`、`help`）
rules-expected-group-key = 用于分组的记录字段（`unit`、`round`、`region`、`category`、`kind`、`status`、`responsible.lead` 或环节的 `by`）
rules-expected-roll = `move to the next workday` 或 `stay`
rules-expected-grade = 等次（`pass >= 90`）
rules-expected-rule-id = 规则编号
rules-expected-severity = 严重程度（`error`、`warning`、`info`）
rules-expected-short-unit = `percentage point` 或 `record`
rules-expected-short-dir = `below` 或 `over`
rules-expected-constraint = 约束
rules-expected-order = `before`、`after`、`on or before` 或 `on or after`
rules-expected-duration = 时长（`30 days`）
rules-expected-unit = 时间单位（`days`、`workdays`、`weeks`、`months`、`years`）
rules-expected-late-unit = 时间单位（`day`、`workday`、`days`、`workdays`）
rules-expected-expression = 表达式
rules-expected-operator = 运算符
rules-expected-name = 名称
rules-expected-string = 字符串
rules-expected-date = 日期
rules-expected-percent = 百分数
rules-expected-number = 数字
rules-expected-whole-number = 整数

rules-too-deep-brackets = 括号嵌套超过 { $max } 层
rules-too-deep-expression = 表达式的操作数和运算符超过 { $max } 个
rules-too-deep =
    .help = 请把该条件拆分为多个 `require` 项
rules-unclosed = 第 { $line } 行开始的 `{ $block }` 没有结束
    .block = 第 { $line } 行开始的代码块没有结束
    .help = 请在第 { $line } 行的 `{ $next }` 之前补上缺少的 `{"}"}`
    .help-end = 请在该代码块最后一项之后补上缺少的 `{"}"}`
rules-unmatched-brace = `{"}"}` 没有可结束的代码块
    .help = 请删除它，或在上文查找缺少 `{"{"}` 的代码块
rules-fmt-unsafe-meaning = 格式化会改变文件的含义
rules-fmt-unsafe-parse = 格式化后的文件将无法解析：{ $reason }
    .no-reason = 格式化后的文件将无法解析
rules-fmt-unsafe =
    .help = 文件未作改动；请把过长的条件拆分为多个 `require` 项
# 语言服务器无法格式化规则文件时的答复。
rules-fmt-refused = 无法格式化该文件：{ $reason }
    .no-reason = 无法格式化该文件

# 字面值。
rules-bad-escape = 未知的转义 `{ $escape }`
    .at-end = 字符串不能以 `\` 结尾
    .help = 可用的转义为 `\"`、`\\`、`\n`、`\t` 和 `\u{"{"}XXXX{"}"}`
rules-bad-escape-unicode = Unicode 转义 `{ $escape }` 格式有误
    .help = Unicode 转义应写作 `\u{"{"}XXXX{"}"}`，含 1 至 6 位十六进制数字
rules-bad-escape-character = `{ $escape }` 不是 Unicode 字符
    .help = 代理码位（D800 至 DFFF）和大于 10FFFF 的值都不是字符
rules-bad-number-places = `{ $number }` 的小数超过两位
    .help = 分值精确到两位小数（`0.25`）
rules-bad-number-large = `{ $number }` 过大
    .help = 此处的数字必须小于 4294967296
rules-bad-number-period = 逾期计算周期为 0 天，永远不会结束
    .help = 请写 `per day`，或写 1 及以上的周期
rules-bad-percent = `{ $percent }` 超过 100%
    .help = 比例应在 0% 至 100% 之间
rules-bad-date-shape = `{ $date }` 不是日期
    .help = 日期请写作 `YYYY-MM-DD`
rules-bad-date = `{ $date }` 不是有效日期
    .help-days = 该月只有 { $days } 天
    .help-month = 月份应在 01 至 12 之间
rules-bad-id = 规则编号 `{ $id }` 不是短横线连接的小写形式
    .help = 规则编号请用小写字母和数字，以单个 `-` 连接，例如 `plan-on-time`

# 格式正确但不能成为可用规则的文本。
rules-internal = 内部错误：`{ $text }` 处的解析树不符合预期
    .help = 请将此问题作为 rectify 的缺陷报告
rules-bad-ceiling = 最高分 { $ceiling } 低于起始分 { $start }
    .help = 最高分是加分所能达到的上限：请写一个不低于起始分的数
rules-bad-grades-no-threshold = 等次 `{ $grade }` 没有分数线
    .help = 只有最后一个等次不设分数线，例如 `fail`
rules-bad-grades-order = 等次 `{ $grade }` 的分数线不低于前一个等次
    .help = 请按分数线从高到低列出等次
rules-bad-grades-last = 最后一个等次 `{ $grade }` 设了分数线
    .help = 最后一个等次涵盖所有更低的得分：请去掉 `>=`
rules-missing-item = 规则 `{ $rule }` 缺少 `{ $item }` 项
    .help-for = 请说明规则适用的记录类型，例如 `for task`
    .help-severity = 请添加 `severity error`、`severity warning` 或 `severity info`
    .help-require = 请至少添加一项约束，例如 `require closure is present`
rules-duplicate-item = 本规则中 `{ $item }` 出现了两次
    .help = 除 `require` 外，每种规则项在一条规则中至多出现一次；请删除其一
rules-reward-rule-penalty = 规则同时含有 `penalty` 和 `reward`
    .help = 一条规则要么扣分（`penalty`），要么加分（`reward`）：请拆分为两条规则
rules-reward-rule-severity = 加分规则含有 `severity`
    .help = 加分规则的结果是表扬，不会导致运行失败：请删除 `severity`
rules-reward-rule-group = 分组规则含有 `reward`
    .help = 加分针对单条记录的优秀工作：请删除 `per` 或 `reward`

# 语义检查。
rules-duplicate-rule = 规则 `{ $rule }` 定义了两次
    .first = 首次定义于此
rules-duplicate-declaration =
    .first = 首次声明于此
rules-duplicate-declaration-pipeline = 记录类型 `{ $kind }` 有两个流程
rules-duplicate-declaration-scoring = 计分方案声明了两次
rules-duplicate-declaration-field = 扩展字段 `{ $field }` 声明了两次
rules-duplicate-declaration-roll = 非工作日的处理方式声明了两次，且不一致
rules-duplicate-declaration-stage = 环节 `{ $stage }` 在流程中出现了两次
rules-not-extra = `{ $field }` 是记录格式自带的字段，不是扩展字段
    .help = 请从 `extra fields` 中删除它：规则和记录已经认识该字段
rules-bad-unit =
    .help-calendar = 请用 `calendar "calendars/cn.yaml"` 声明日历
rules-bad-unit-roll = 没有日历，整改时限无法顺延至下一个工作日
rules-bad-unit-points = 按工作日计分需要日历
rules-bad-unit-workdays = 计算工作日需要日历
rules-bad-unit-period = 逾期计算周期至少为 1
rules-bad-unit-percent = 百分数只能用于分组规则的比例
rules-bad-unit-share-places = `{ $percent }` 的小数超过两位
rules-incomplete-floor = 最低分高于起始分
rules-incomplete-grades = 等次分数线必须从高到低递减
rules-incomplete-last-grade = 最后一个等次不能设分数线
    .help = 请以涵盖其余所有得分的等次结束列表，例如 `, fail`
rules-incomplete-require = 规则 `{ $rule }` 没有 `require`
rules-unknown-kind = 没有流程声明记录类型 `{ $kind }`
    .help = 请在规则集中声明：`pipeline { $kind }: … -> …`
rules-penalty-too-large = `{ $points }` 分超过扣分上限 { $max } 分
    .help = 一项扣分分值以及一个问题的扣分至多为 { $max } 分
rules-bad-reward-too-large = `{ $points }` 分超过加分上限 { $max } 分
    .help = 一项加分分值以及一次表扬的加分至多为 { $max } 分
rules-bad-reward-cap = 加分封顶 { $cap } 分低于其固定部分 { $fixed } 分
    .help = 请提高 `at most`，或降低加分的固定部分
rules-bad-reward-early = 规则 `{ $rule }` 没有整改时限，任何记录都不可能提前完成
    .help = 请要求一个整改时限（`closure by deadline - 30 days`），或删除 `plus … per … early` 部分
rules-mixed-group-per = 含 `per` 的规则需要 `share of` 或 `count of` 约束
    .help = 例如 `require share of (closed is present) >= 95%`
rules-mixed-group = 分组规则不能同时逐条检查记录
    .help = 请把逐条记录的约束放到单独的规则中
rules-bad-group-twice = 记录按 `{ $field }` 分组了两次
    .help = 每个字段只写一次
rules-bad-group = 记录不能按 `{ $field }` 分组
    .help = 记录可按 `unit`、`round`、`region`、`category`、`kind`、`status`、`responsible.lead` 或环节的 `by` 分组，也可按规则集声明的扩展字段（`extra fields: county`）分组，或同时按多个字段分组（`per unit and region`）
    .help-suggest = { $suggest }记录可按 `unit`、`round`、`region`、`category`、`kind`、`status`、`responsible.lead` 或环节的 `by` 分组，也可按规则集声明的扩展字段（`extra fields: county`）分组，或同时按多个字段分组（`per unit and region`）
rules-unreachable-penalty = 按 `{ $by }` 分组的扣分落不到任何责任单位
    .help = 请按 `per unit and { $by }` 分组，使每个不达标的单位都被扣分；或删除扣分，只报告数值
rules-unreachable-penalty-all = 对全部记录统计的分组规则，其扣分落不到任何责任单位
    .help = 请按 `per unit` 分组，使每个不达标的单位都被扣分；或删除扣分，只报告数值
rules-bad-proportional-not-group = `per { $unit } { $dir }` 的扣分需要分组规则
    .help = 单条记录的问题没有可计的差额：请将规则分组（`per unit`）并使用 `share of` 或 `count of`，或改用 `plus … per … late`
rules-bad-proportional-no-measure = `per { $unit } { $dir }` 的扣分需要一个 `{ $measure }` 约束作为计量依据
    .help-share = `count of` 按 `per record` 计量，`share of` 按 `per percentage point` 计量
    .help-count = `share of` 按 `per percentage point` 计量，`count of` 按 `per record` 计量
rules-bad-proportional-ambiguous = `per { $unit } { $dir }` 的扣分有歧义：该规则有 { $n } 个 `{ $measure }` 约束
    .help = 请把规则拆分为两条，每条一个约束
rules-bad-proportional-no-direction = `{ $op }` 没有不达标的方向，无法计算 `{ $dir }` 的差额
    .help = 用 `>=` 或 `>` 比较时计 `below`，用 `<=` 或 `<` 比较时计 `over`
rules-bad-proportional-minimum = `{ $op }` 设定的是下限，不达标的分组只会低于它（`below`），不会是 `{ $dir }`
rules-bad-proportional-maximum = `{ $op }` 设定的是上限，不达标的分组只会高于它（`over`），不会是 `{ $dir }`
rules-bad-proportional-direction =
    .help = 请写 `per { $unit } { $word }`
rules-bad-verdict-outside = `{ $verdict }` 只能在 `share of` 或 `count of` 中计数
    .help = 请在分组规则中计数：`require share of ({ $verdict }) >= 95%`
rules-bad-verdict-unknown = 未加载规则 `{ $rule }`
    .help = 请写已加载的规则文件中的规则
rules-bad-verdict-group = 规则 `{ $rule }` 不逐条评判记录，对单条记录没有结论
    .help = 请写逐条评判记录的规则（非分组规则或加分规则）
rules-bad-verdict-kind = 规则 `{ $rule }` 适用于 `{ $kind }`，而非 `{ $expected }`
    .help = 分组规则只统计同类记录上的结论
rules-bad-verdict-deadline = 整改时限只能在 `share of` 或 `count of` 中作为条件计数
rules-bad-each = 不能对 `{ $list }` 使用 `each`
    .help = `each extension:` 逐一检查记录的每次延期
rules-unknown-stage = `{ $stage }` 不是 `{ $kind }` 的环节
    .help = `{ $kind }` 的环节为 { $stages }
rules-unknown-field = 未知字段 `{ $field }`
    .help-declare = { $suggest }如果记录中确有该字段，请在规则集中用 `extra fields: { $path }` 声明
rules-unknown-field-responsible = `responsible` 没有字段 `{ $field }`
    .help = 请使用 `responsible.unit` 或 `responsible.lead`；如果记录中确有该字段，请在规则集中用 `extra fields: { $path }` 声明
rules-unknown-field-stage = 环节没有字段 `{ $field }`
    .help = 环节的字段为 { $fields }
rules-unknown-field-leaf = `{ $parent }` 没有字段 `{ $field }`
rules-unknown-field-extended = `extended deadline` 只在 `each extension:` 中有含义
# 类型不符时，值的类型。
rules-type = { $type ->
    [date] 日期
    [text] 文本
    [number] 数字
    [condition] 条件
    [list] 列表
   *[value] 值
}
rules-type-mismatch = `{ $expr }` 中应为{ $expected }，实为{ $found }
rules-type-compare = 无法比较{ $left }与{ $right }
rules-type-presence = `{ $expr }` 不是字段，不能判断其是否存在（`is present`、`is missing`）
rules-type-number = `{ $number }` 不是数字
rules-bad-regex = 匹配模式无效：{ $reason }
    .no-reason = 匹配模式无效

# 警告。
rules-unused-kind = 没有规则适用于记录类型 `{ $kind }`
    .help = 请添加 `for { $kind }` 的规则；如果没有该类型的记录，请删除此流程
rules-unused-calendar = 日历 `{ $calendar }` 未被使用
    .help = 没有规则计算工作日，整改时限也不顺延至下一个工作日；请删除该日历或使用它
rules-unused-scoring = 计分方案未被使用：没有规则设有扣分
    .help = 请给规则设置扣分（`penalty 1 point`），或删除计分方案
rules-unrolled-date = 此比较不会像规则集中的整改时限那样，把落在非工作日的到期日顺延至下一个工作日
    .help = 请把时限写成整改时限约束（`require closure by deadline`），或统计其结论（`share of (passes closed-by-deadline)`）
rules-unknown-kind-value = 没有流程声明记录类型 `{ $kind }`，此比较永远不会匹配任何记录
    .help = 已声明的记录类型为 { $kinds }
rules-lateness-without-deadline = 规则 `{ $rule }` 没有整改时限，其扣分的这一部分永远不会生效
    .help = 按逾期天数扣分需要 `require STAGE within … after …` 或 `require STAGE by …`；请删除 `plus … late` 部分或添加整改时限
rules-duplicate-constraints = 规则 `{ $rule }` 的要求与规则 `{ $first }` 相同
    .help = 每条记录会同时得到两条规则的问题，或都不得到；请删除其一或使两者有所区别
    .first = 规则 `{ $rule }` 在此
rules-undeclared-field = `{ $path }` 不是记录格式中的字段
    .help = 如果记录中确有该字段，请在规则集中用 `extra fields: { $path }` 声明；否则请检查拼写

# 规则标题或帮助的某一语言文本：`title zh-CN "…"`。
rules-unknown-language = rectify 不支持语言 `{ $tag }`
    .help = 请写 `en` 或 `zh-CN`；不写语言的文本在各语言中都会显示
rules-duplicate-variant = 本规则中 `{ $item } { $tag }` 出现了两次
    .first = `{ $lang }` 的第一个 `{ $item }`
    .help = 每种语言的 `{ $item }` 在一条规则中至多出现一次；请删除其一
rules-missing-written = 规则 `{ $rule }` 有 `{ $item } { $tag }`，但没有 `{ $item }`
    .help = 请用 `{ $item } "…"` 写出不带语言的文本：没有对应语言文本的语言都显示它

# The editor's note on a record file when the rules do not check.
rules-not-checked = 记录未被检查：规则未通过检查
    .help = 请查看规则文件中的诊断（`rectify rules check`）
# end of rule files


## Input diagnostics: calendars, configuration, waivers, units and files

# 文件无法读取的原因：`why` 指明原因；rectify 没有对应说法的原因，以操作
# 系统的原话 `reason` 显示。
input-reason = { $why ->
    [not-found] 文件或文件夹不存在
    [permission-denied] 没有访问权限
    [is-a-directory] 这是一个文件夹
    [not-a-directory] 路径中有一项不是文件夹
    [folder] 这是文件夹，不是文件
    [not-regular] 不是普通文件
    [too-large] 文件大小为 { $size } 字节，超过上限 { $limit } 字节
    [over-limit] 文件大小超过 { $limit } 字节，超过上限 { $limit } 字节
    [not-utf8] 文件不是有效的 UTF-8 编码（第 { $at } 字节）
    [not-in-bundle] 内置规则集中没有这个日历
   *[other] { $reason }
}
# 最接近的已知名称，作为建议。

# 节假日日历文件（`calendar::`）。文件中的一部分，按 `part` 区分。
calendar-part = { $part ->
    [year] 年份
    [source] 来源
    [holiday] 法定节假日
    [workday] 调休上班日
   *[calendar] 日历
}
calendar-documents-empty = 日历文件为空
calendar-documents-many = 一个日历文件只能包含一个 YAML 文档
calendar-wrong-type = 此处应为{ $expected ->
    [weekdays] 星期几的列表
    [weekday] 星期几
    [years] 按年份列出的映射
    [text] 文本
    [list] 列表
   *[mapping] { calendar-part }映射
}，实际为{ $found ->
    [nothing] 空值
    [boolean] 布尔值
    [number] 数字
    [string] 字符串
    [list] 列表
   *[mapping] 映射
}
calendar-unknown-key = { calendar-part }中有未知的键 `{ $key }`
    .help = { calendar-part }可用的键为 { $keys }
calendar-duplicate-key = `{ $key }` 重复填写
calendar-missing-key = 缺少 `{ $key }`
calendar-missing-key-years = 日历缺少 `years`
calendar-missing-key-no-year = `years` 中没有任何年份
calendar-missing-key-date = 法定节假日须填写 `date`，或同时填写 `from` 和 `to`
calendar-bad-date = `{ $text }` 不是有效日期（应为 `YYYY-MM-DD`）
calendar-bad-year = `{ $text }` 不是年份
calendar-bad-year-span = 年份 { $first }..={ $last } 跨度超过 { $max } 年
calendar-duplicate-year = 年份 `{ $year }` 重复列出
calendar-missing-year = `years` 覆盖 { $first }..={ $last }，但缺少 { $missing }
calendar-missing-source = 年份 `{ $year }` 缺少引用放假通知的 `source`
calendar-missing-source-empty = `source` 为空
calendar-wrong-year = `{ $date }` 列在 { $year } 年下；它应属于 { $before } 年或 { $year } 年
calendar-bad-range-reversed = 法定节假日从 `{ $from }` 开始，却在更早的 `{ $to }` 结束
calendar-bad-range-long = 从 `{ $from }` 到 `{ $to }` 的法定节假日超过一年
# 星期几，按英文小写名称区分。
calendar-weekday = { $weekday ->
    [monday] 星期一
    [tuesday] 星期二
    [wednesday] 星期三
    [thursday] 星期四
    [friday] 星期五
    [saturday] 星期六
   *[sunday] 星期日
}
calendar-workday-not-weekend = 调休上班日 `{ $date }` 是{ calendar-weekday }，不是周末
calendar-holiday-and-workday = `{ $date }` 既是法定节假日（`{ $name }`），又是调休上班日
calendar-duplicate-day = `{ $date }` 作为{ $what ->
    [holiday] 法定节假日
   *[workday] 调休上班日
}重复列出（`{ $first }` 和 `{ $second }`）
calendar-bad-weekday = `{ $text }` 不是星期几
# 日历的日期无法构成一个日历的原因，按 `fault` 区分。
calendar-build-problem = { $fault ->
    [no-year] 日历 `{ $name }` 不覆盖任何年份（{ $first } 晚于 { $last }）
    [too-many-years] 日历 `{ $name }` 覆盖 { $first }..={ $last }，超过 { $max } 年
    [unsupported-years] 日历 `{ $name }` 覆盖 { $first }..={ $last }，超出支持的年份范围
    [workday-not-weekend] 为 `{ $name }` 调休的上班日 `{ $date }` 是{ calendar-weekday }，不是周末
   *[holiday-and-workday] `{ $date }` 既是法定节假日（`{ $holiday }`），又是调休上班日（为 `{ $name }` 调休）
}
# 多个日历无法合并的原因，按 `problem` 区分。
calendar-merge-problem = { $problem ->
    [none] 没有可合并的日历
    [weekends] 日历 `{ $first }` 与 `{ $other }` 的周末不同
    [gap] 没有日历覆盖 { $from }..={ $to }（位于所合并的日历之间）
   *[build] 无法合并日历：{ calendar-build-problem }
}


# 规则文件及其声明的日历，按整个文件（`rules::`）。
rules-none = 未找到规则文件
rules-unreadable = 无法读取规则文件：{ input-reason }
rules-unreadable-missing = 规则文件或文件夹不存在
rules-calendar-unreadable = 无法读取日历 `{ $path }`：{ input-reason }
    .help-suggest = { $suggest }（路径相对于规则文件）
    .help-none = 规则文件旁及其附近的 `calendars/` 文件夹中都没有日历文件；`rectify init` 会把内置的中国法定节假日日历写入 `rules/calendars/cn.yaml`
    .help-nearby = 规则文件旁的日历：{ $calendars }{ $more ->
        [0] {""}
       *[other] {" "}等
    }（路径相对于规则文件）
rules-calendar-unreadable-resolved = 无法读取日历 `{ $path }`（解析为 `{ $resolved }`）：{ input-reason }
rules-calendar-disagree = 日历之间不一致：{ calendar-merge-problem }

# 文件与文件夹整体（`input::`）。
input-unreadable = 无法读取文件：{ input-reason }
# 命令行中指定的或遍历时遇到的路径。
input-unreadable-path = 无法读取：{ input-reason }
input-bad-glob = 通配模式无效：{ $reason }
input-ignore-file = 忽略文件未完全生效：{ $reason }
input-symlink = 已跳过：不跟随符号链接
input-not-regular = 已跳过：不是普通文件（从不读取 FIFO、套接字或设备）

# 豁免，写在记录中或豁免文件中（`waiver::`）。`named` 表示豁免是否指明了
# 规则（`rule`）。
waiver-subject = { $named ->
    [yes] 针对 `{ $rule }` 的豁免
   *[no] 豁免
}
waiver-unreadable = 无法读取豁免文件：{ input-reason }
waiver-bad-file = 此处应为 `waivers:` 及豁免列表
    .list = 此处应为豁免列表
waiver-bad-waiver-mapping = 豁免必须是映射
waiver-bad-waiver-key = 豁免中有未知的键 `{ $key }`
waiver-bad-waiver-text = 此处应为文本
waiver-bad-waiver-date = `{ $text }` 不是有效日期
    .not-text = 此处应为日期
    .help = 日期请写作 YYYY-MM-DD，例如 2024-12-31
# `keys`：豁免缺少的键，已连成列表。
waiver-incomplete = { waiver-subject }缺少 { $keys }，不能豁免任何问题
    .help-reason = 说明豁免该问题的理由，例如允许豁免的批准文件
    .help-approved-by = 写明批准该豁免的人或机构
    .help-until = 添加 `until: YYYY-MM-DD`，即豁免有效的最后一天
waiver-incomplete-empty = { waiver-subject }的 `{ $key }` 为空，不能豁免任何问题
waiver-unknown-rule = 豁免指明的 `{ $rule }` 不是已加载的规则
waiver-expired = 针对 `{ $rule }` 的豁免已于 { $until } 到期
waiver-unmatched = 针对 `{ $rule }` 的豁免没有对应任何问题
    .help-group = `{ $rule }` 按分组而非单条记录判定：请在豁免文件（`--waivers`）中按分组豁免其问题
    .help-grouping = `{ $rule }` 按 { $by } 分组：请写明 { $wanted }，而不是 { $named }

# 责任单位（`unit::`）。
unit-unknown = 未知的责任单位 `{ $name }`
    .help = 每个责任单位都须在单位名录（rectify.toml 中的 `[units]`）中登记名称或别名

waiver-inline-denied = 不接受写在记录中的豁免
    .help = 此处责任单位不能豁免自身的问题（rectify.toml 中 `waivers.inline = "deny"`）：请审批人在豁免文件中登记，并用 `--waivers` 传入
waiver-not-an-approver = `{ $name }` 不是豁免审批人
    .help = 豁免可由 { $approvers } 审批（rectify.toml 中的 `waivers.approvers`）
    .help-suggest = { $suggest }豁免可由 { $approvers } 审批（rectify.toml 中的 `waivers.approvers`）
waiver-too-long = 豁免有效期至 { $until }，超出 { $as-of } 之后 { $days } 天的上限
    .help = 豁免有效期最长为评估日期之后 { $days } 天（rectify.toml 中的 `waivers.max-days`）；到期后请续期
unit-lookalike = 责任单位 `{ $name }` 是 `{ $first }` 的另一种写法
    .first = 此处首次写作 `{ $first }`
    .help = 两者按同一责任单位 `{ $shown }` 计分{ $declared ->
        [yes] （单位名录登记的名称）
       *[no] {""}
    }；请在各处统一写法
unit-lookalike-registry = 责任单位 `{ $name }` 的写法与单位名录登记的不一致
unit-conflict = 单位名称 `{ $name }` 同时登记给了 `{ $first }` 和 `{ $second }`
    .help = 一个名称无论怎样书写，只能属于一个责任单位（rectify.toml 中的 `[units]`）

# 检查时所见的记录整体（`record::`）。
record-duplicate-id = 记录编号 `{ $id }` 重复使用
    .first = 首次使用于此
    .help = 所检查的全部文件中编号必须唯一
record-future-date = `{ $stage }` 的日期为 { $date }，晚于评估日期 { $as-of }
    .help = 晚于评估日期的环节在当天尚不可知：按未记录计；请更正日期，或用更晚的 `--as-of` 检查
record-future-date-extension = 延期的批准日期为 { $date }，晚于评估日期 { $as-of }
    .help = 晚于评估日期批准的延期在当天尚不可知：不延长整改时限；请更正日期，或用更晚的 `--as-of` 检查

# 日历的边界（`calendar::not-covered`、`calendar::near-end`）。
calendar-not-covered = 日历 { $files } 不覆盖 { $year } 年：需要该年份的规则无法检查这些记录
    .help = { $bundled ->
        [yes] 内置日历不能修改：请从 rectify 代码库复制 `rules/`，
       *[no] {""}
    }待国务院办公厅发布 { $year } 年部分节假日安排的通知后，将 { $year } 年加入日历{ $bundled ->
        [yes] ，并用 `--rules` 检查
       *[no] {""}
    }（方法见 docs/calendars.md）；切勿猜测节假日
calendar-near-end = 日历 { $files } 截止于 { $last }，{ $after ->
    [yes] 距评估日期 { $as-of } 还有 { $left } 天
   *[no] 早于评估日期 { $as-of }
}

# 规则读取而没有任何记录含有的路径（`rules::field-in-no-record`）。
rules-field-in-no-record = 没有记录含有 `{ $path }`，但有记录含有 { $spellings }
    .help = 对这些记录而言，关于 `{ $path }` 的条件永远不成立；请更正规则或记录中的拼写

# 命令行选项（`cli::`）。
cli-unknown-rule = 未加载规则 `{ $id }`


# rectify.toml（`config::`）。
config-unreadable = 错误：无法读取配置文件 `{ $name }`：{ input-reason }
config-errors = 错误：`{ $name }` 有 { $n } 个错误，未执行任何操作
config-syntax = TOML 格式无效：{ $reason }
# 键的值应为什么，按 `expected` 区分。
config-expected = { $expected ->
    [units] 单位名称及其别名组成的表
    [paths] 一个路径或路径数组
    [path] 非空路径
    [one-of] {" "}{ $allowed } 之一
    [whole] {" "}{ $min } 到 { $max } 之间的整数
    [boolean] {" "}`true` 或 `false`
    [date] YYYY-MM-DD 格式的日期
    [names] 名称数组
    [name] 非空名称
   *[aliases] 别名数组（没有别名写 `[]`）
}
# 实际填写的值，按 `found` 区分；`value` 为原文。
config-found = { $found ->
    [string] 字符串 `{ $value }`
    [number] 数字 `{ $value }`
    [decimal] 小数
    [array] 数组
    [table] 表
   *[value] {" "}`{ $value }`
}
config-invalid-value = `{ $key }` 应为{ config-expected }，实际为{ config-found }
config-invalid-value-empty-unit = `[units]` 中的单位名称不能为空
config-unknown-key = { $in-table ->
    [yes] `[{ $table }]` 中有未知的键
   *[no] 未知的键
} `{ $key }`
    .help = 此处 rectify 可识别的键为 { $keys }
config-invalid-glob = `{ $key }` 中的 `{ $text }` 不是有效的通配模式：{ $reason }
config-duplicate-name = `{ $name }` 在 `{ $key }` 中重复列出
    .first = 首次列出于此
config-duplicate-unit = 单位名称 `{ $name }` 在 `[units]` 中重复填写
    .first = 首次填写于此
    .help = 一个名称只能属于一个责任单位

# The record ids a long run kept in a temporary file could not be read back.
record-ids-unchecked = 无法比对记录编号是否重复：{ $reason }
    .help = 记录编号暂存在临时文件中，但无法读回；请检查临时文件夹（`TMPDIR`）后重新运行
# end of calendars, configuration, waivers, units and files



## Commands
# 各命令自身在标准错误输出中的提示：`错误：…` 及其下的建议。
cli-error = 错误：{ $message }
cli-help = 帮助：{ $help }
cli-note = 说明：{ $note }
cli-binary-to-terminal = xlsx 工作簿是二进制文件，而标准输出是终端
    .help = 用 `--output FILE` 写入文件
cli-output-is-input = `{ $file }` 即本次运行的输入 `{ $input }`；未写入任何内容
    .help = 将报告写入其他文件
cli-cannot-write-file = 无法写入 `{ $file }`：{ $reason }
cli-cannot-write-report = 无法写出报告：{ $reason }
# 运行超过一秒时的进度提示。
cli-spinner-check = 正在检查记录
cli-spinner-earliest = 正在查找最早的交办日期
cli-spinner-history = 正在按各期末检查记录
cli-spinner-diff = 正在检查两天的记录
cli-all-excluded = 指定的文件均已排除（--force-exclude）；没有需要检查的内容
# `错误：结果不可信：3 个输入错误`。
cli-untrusted = 结果不可信：{ $reason }
cli-untrusted-no-rules = 未加载任何规则
cli-untrusted-no-records = 未找到任何记录
cli-untrusted-input-errors = { $n } 个输入错误
# `rectify test`。
cli-test-cannot-write = 无法写出测试结果：{ $reason }
cli-test-coverage-low = 触发的规则占 { $percent }%，低于 --coverage-min { $min }
cli-test-no-case = 未找到测试用例
cli-test-missing = `{ $path }`：没有这个测试文件或文件夹
cli-test-unreadable = `{ $file }`：{ $reason }
# `rectify explain`。
cli-warning = 警告：{ $message }
cli-explain-no-rule = 未加载规则 `{ $rule }`
cli-explain-nothing-named = 请指定记录编号，或用 --unit、--round、--kind 或 --group 指定分组
cli-explain-no-record = { $files } 个记录文件中没有记录 `{ $record }`
cli-explain-duplicate = 记录编号 `{ $record }` 也定义于 { $place }；解释第一条
cli-explain-cannot-write = 无法写出解释：{ $reason }
cli-explain-not-group = 规则 `{ $rule }` 不是分组规则
    .help = 请指定一条记录：`rectify explain { $rule } RECORD-ID`
cli-explain-not-grouped-by = 规则 `{ $rule }` 不按 { $names } 对记录分组
cli-explain-one-group = 该规则把全部记录作为一个分组判定：请指定其中一条记录
cli-explain-grouped-by = 该规则按 { $by } 对记录分组：请使用 { $flags }
cli-explain-no-group-records = { $files } 个记录文件中没有 { $group } 的 `{ $kind }` 记录
# `rectify init` 和 `rectify import`。
cli-wrote = 已写入 { $file }
cli-init-exists = `{ $file }` 已存在
    .help = 用 --force 覆盖；未写入任何内容
cli-import-problems = `{ $ledger }` 中有 { $n } 个问题；未写入任何内容
cli-import-no-rows = `{ $ledger }` 的表头行下没有数据行；未写入任何内容
cli-import-done = 已导入 { $records } 条记录，写入 `{ $folder }` 中的 { $files } 个文件
cli-import-exists = { $n } 个文件已存在：{ $files }；未写入任何内容
    .help = 用 --force 覆盖，或用 --out 指定其他文件夹
cli-import-cannot-make = 无法创建 `{ $file }`：{ $reason }
# `rectify fmt` 和 `rectify rules doc`。
cli-fmt-no-files = 未指定规则文件，rectify.toml 中也未设置 `rules`
    .help = 请指定文件或文件夹，或运行 `rectify init --rules` 复制内置规则
cli-fmt-empty-folder = `{ $folder }` 中没有规则文件（`*.rules`）
cli-cannot-read-stdin = 无法读取标准输入：{ $reason }
cli-cannot-write-stdout = 无法写入标准输出：{ $reason }
cli-cannot-read-file = 无法读取 `{ $file }`：{ $reason }
cli-cannot-create-folder = 无法创建 `{ $folder }`：{ $reason }
cli-doc-does-not-parse = `{ $file }` 无法解析；未写入任何页面
cli-doc-wrote = 已把 { $pages } 个页面写入 { $folder }
# 标准错误输出中的说明，以及设置的来源（`rectify config`）。
cli-note-rules = 规则：{ $rules }
cli-note-skipped = 已跳过 `{ $file }`：{ $why }
cli-rules-bundled = 内置规则集
cli-rules-from = { $names }（来自 { $from }）
cli-from =
    .default = 默认值
    .command-line = 命令行
    .locale = 系统区域设置
cli-from-environment = 环境变量（{ $what }）
cli-from-beside-tests = 测试文件夹上一级文件夹中的 *.rules
cli-rules-do-not-load = 规则无法加载
    .no-test = 规则无法加载，因此未运行任何测试
# 命令行自身的拒绝（打开项目之前或之外）。
cli-cannot-read-cwd = 无法读取当前工作文件夹：{ $reason }
cli-cannot-enter-root = 无法在项目根目录 `{ $root }` 中工作：{ $reason }
cli-rectify-lang = RECTIFY_LANG：{ $message }
cli-unknown-lang = rectify 没有 `{ $name }` 的提示文字；支持 { $known }
cli-arg-report-shape = 应为 FORMAT=FILE，实际为 `{ $found }`
cli-arg-report-format = 未知格式 `{ $name }`；应为以下之一：{ $names }
cli-arg-report-no-file = `{ $name }=` 之后没有文件
cli-arg-jobs-number = 应为线程数，实际为 `{ $found }`
cli-arg-jobs-range = `{ $n }` 不在 1 到 { $max } 之间（每个核心 { $per-core } 个）
cli-arg-date-shape = 应为 YYYY-MM-DD 形式的日期，实际为 `{ $found }`
cli-arg-date-invalid = `{ $found }` 不是日历上的日期
cli-arg-percent = 应为百分比，实际为 `{ $found }`
cli-arg-percent-range = `{ $found }` 不在 0 到 100 之间
cli-arg-group = 应为 FIELD=VALUE 形式，如 `region=Jiangsu/Wuxi`，实际为 `{ $found }`
cli-cannot-write-schema = 无法写出 JSON Schema：{ $reason }
cli-cannot-write-completions = 无法写出补全脚本：{ $reason }
# `rectify config`：项目根目录及其依据，以及设置中以文字表示的值（键和照写的值不变）。
cli-root-from =
    .config = 配置文件所在的文件夹
    .git = git 仓库的根目录
    .cwd = 当前工作文件夹（没有 rectify.toml，也不在 git 仓库中）
cli-config-root = 项目根目录：{ $root }（{ $from }）
cli-config-file = 配置文件：{ $file }
cli-config-rule-set = 规则集：{ $rules }
cli-config-record-files = 记录文件（{ $n } 个）：
cli-config-skipped = 已跳过 { $file }：{ $why }
cli-config-units = 已声明 { $n } 个
cli-config-value =
    .none = 无
    .bundled = 内置
    .today = 今天
    .one-per-core = 每个核心一个
    .any = 任何人
# rectify 不写入输出文件的原因。
cli-output-dangling-link = 它是指向不存在文件的符号链接
cli-output-not-a-file-name = 不是文件名
cli-output-read-only = 该文件为只读
cli-output-owner = 该文件属于用户 { $user }、用户组 { $group }，替换后无法保留
# `rectify codes`。
cli-codes-unknown = 没有诊断代码或命名空间 `{ $code }`
cli-codes-list-help = `rectify codes` 列出全部代码
cli-cannot-write-codes = 无法写出代码清单：{ $reason }
# 面向阅读者的严重程度（markdown 和 JUnit 文本；机器字段保留英文键）。
severity = { $severity ->
    [error] 错误
    [warning] 警告
    [info] 提示
   *[commendation] 表扬
}
# `check --format markdown`：标题、其下一行及各表列名。
markdown-title = rectify：{ $headline }
markdown-no-findings = 未发现问题
markdown-waived = 豁免 { COUNT($n) } 项
markdown-scope = 截至 { $date }：{ $files } 个文件中共 { $records } 条记录。
markdown-heading =
    .scoreboard = 责任单位得分
    .findings = 发现的问题
    .inputs = 输入诊断
markdown-column =
    .errors = 错误
    .warnings = 警告
    .infos = 提示
    .waived = 豁免
    .pending = 待办
    .points = 扣分
    .commendations = 表扬
    .reward = 加分
    .location = 位置
    .record = 记录
    .rule = 规则
    .severity = 严重程度
    .message = 说明
    .code = 代码
markdown-waived-severity = { $severity }（已豁免，{ $note }）
markdown-with-help = { $message }；帮助：{ $help }
# `check --format github`：已豁免问题的提示标题，以及各条注释之后的汇总行。
github-waived-title = { $rule }（已豁免）：{ $subject }
github-summary = rectify：{ $errors }，{ $warnings }，{ $infos }，豁免 { $waived } 项，待办 { $pending } 项；扣分 { $penalty }
# `check --format junit`：规则的通过用例（`12 条记录通过`），按规则判定的对象；以及某责任单位没有任何问题的记录。
junit-thing =
    .record = 记录
    .unit = 责任单位
    .round = 轮次
    .kind = 类型
    .region = 地区
    .category = 类别
    .status = 状态
    .group = 分组
junit-things =
    .record = 条记录
    .unit = 个责任单位
    .round = 个轮次
    .kind = 个类型
    .region = 个地区
    .category = 个类别
    .status = 个状态
    .group = 个分组
junit-passes = { $n ->
    [0] 没有可检查的{ $thing }
   *[other] { $n } { $things }通过
}
junit-unit-records = { $unit }：{ $records } 条记录中有 { $clean } 条通过全部规则
# 低于 `--fail-on` 的问题，写在通过用例的输出中。
junit-noted = { $severity }：{ $body }
# SARIF 中代码清单未收录的代码的说明（不应出现）。
sarif-input-rule = 输入诊断 `{ $code }`
# `--help` 中 clap 自身的文字。
cli-help-heading =
    .commands = 命令
    .options = 选项
    .arguments = 参数
cli-help-usage = 用法：{ $usage }
cli-help-flag =
    .help = 显示帮助
    .version = 显示版本
# `--help`：各命令的简介（`help-check`、`help-rules-check`）及其参数说明（属性 `.as-of`）；`help-rectify` 为顶层。

help-rectify = 按规则检查生态环境督察整改记录
    .lang = 提示、汇总和报告的语言：`en` 或 `zh-CN`（否则依次为 RECTIFY_LANG、rectify.toml 中的 `lang`、系统区域设置、英文）
    .config = 使用此配置文件，而不是最近的 rectify.toml
    .no-config = 忽略所有 rectify.toml：只用命令行参数和默认值
help-check = 按规则检查记录，报告发现的问题、得分和整改进度
    .paths = 记录文件或文件夹（遍历其中的 *.yaml、*.yml）[默认：rectify.toml 中的 `records`，否则为 .]
    .rules = 规则文件或含 *.rules 的文件夹；可重复 [默认：rectify.toml 中的 `rules`，否则为内置规则集]
    .as-of = 评估日期，YYYY-MM-DD [默认：rectify.toml 中的 `as-of`，否则为本地时间的今天]
    .format = 输出格式 [默认：rectify.toml 中的 `format`，GITHUB_ACTIONS=true 时为 github，否则为 human]
    .output = 把报告写入 FILE 而不是标准输出（原子写入）
    .reports = 另以 FORMAT 格式把报告写入 FILE（原子写入）；可重复，例如 `--report sarif=rectify.sarif --report json=rectify.json`
    .fail-on = 有未豁免的问题达到或高于此严重程度时以 1 退出 [默认：error]
    .only = 只检查这条规则；可重复
    .skip = 不检查这条规则；可重复
    .jobs = 工作线程数，每个核心最多 4 个 [默认：每个核心一个]
    .color = 何时为输出着色
    .due-within = 列出评估日期后 DAYS 天内到期的环节（最多 36500 天，即一百年）
    .waivers = 豁免文件（rule、record、reason、until、approved_by）；可重复
    .max-file-size = 拒绝大于 BYTES 字节的记录文件 [默认：64 MiB]
    .hidden = 也遍历隐藏的文件和文件夹
    .no-ignore = 不遵循 .gitignore 和 .ignore 文件（也不遵循 `respect-gitignore`）
    .force-exclude = 跳过命令行上指定、但位于所配置的 `records` 之外或 `exclude` 之内的文件（用于 pre-commit 的文件列表）
help-report = 整改进展公示和责任单位得分：按轮次和责任单位统计已完成和逾期的整改任务、已办结的信访件；近期到期事项
    .paths = 记录文件或文件夹（遍历其中的 *.yaml、*.yml）[默认：rectify.toml 中的 `records`，否则为 .]
    .rules = 规则文件或含 *.rules 的文件夹；可重复 [默认：rectify.toml 中的 `rules`，否则为内置规则集]
    .as-of = 评估日期，YYYY-MM-DD [默认：rectify.toml 中的 `as-of`，否则为本地时间的今天]
    .due-within = 列出评估日期后 DAYS 天内到期的环节（最多 36500 天，即一百年）[默认：30]
    .waivers = 豁免文件（rule、record、reason、until、approved_by）；可重复
    .format = 输出形式
    .output = 把报告写入 FILE 而不是标准输出（原子写入）
    .jobs = 工作线程数，每个核心最多 4 个 [默认：每个核心一个]
    .color = 何时为输出着色（表格没有颜色；为与其他命令一致而接受）
    .hidden = 也遍历隐藏的文件和文件夹
    .no-ignore = 不遵循 .gitignore 和 .ignore 文件（也不遵循 `respect-gitignore`）
    .force-exclude = 跳过命令行上指定、但位于所配置的 `records` 之外或 `exclude` 之内的文件（用于 pre-commit 的文件列表）
    .history = 改为给出各期末的整改进度：按环节日期，即当天 `check --as-of` 会给出的结果
    .from = 历史的第一天（第一期为包含这一天的一期）[默认：记录中最早的 `assigned`]
    .to = 历史的最后一天 [默认：评估日期]
help-schema = 输出记录格式的 JSON Schema（供编辑器使用）
help-rules = 处理规则文件：不读记录进行检查，生成规则文档
help-rules-check = 不读记录，解析并检查规则文件；给出错误和警告及其位置
    .paths = 规则文件或文件夹（遍历其中的 *.rules）[默认：rectify.toml 中的 `rules`，否则为内置规则集]
    .deny = 把警告视为失败：有警告时以 1 退出
    .format = 输出格式
    .color = 何时为输出着色
    .as-of = 评估日期，YYYY-MM-DD：日历在其后 60 天内结束时给出警告 [默认：本地时间的今天]
help-rules-doc = 为每条规则写一个 Markdown 参考页，另写一个索引页
    .paths = 规则文件或文件夹（遍历其中的 *.rules）[默认：rectify.toml 中的 `rules`，否则为内置规则集]
    .output = 写入页面的文件夹
help-fmt = 按唯一的规范排版就地改写规则文件，保留全部注释（`--check`：不做修改，显示差异）
    .paths = 规则文件或文件夹（遍历其中的 *.rules）；`-` 表示读标准输入、写标准输出 [默认：rectify.toml 中的 `rules`]
    .check = 不做任何修改：为每个未格式化的文件输出统一格式的差异，并以 1 退出
help-test = 运行规则测试：记录、评估日期和预期发现的问题
    .paths = 测试文件，或遍历其中 *.yaml 的文件夹 [默认：rectify.toml 中 `rules` 的 FOLDER/tests，否则为 rules/tests]
    .rules = 规则文件或含 *.rules 的文件夹；可重复 [默认：rectify.toml 中的 `rules`，否则为测试文件夹旁的 *.rules，否则为内置规则集]
    .coverage-min = 在用例中触发的规则少于 PERCENT 时失败（以 1 退出）
    .format = 输出格式
help-explain = 逐步说明一条规则对一条记录（或分组规则对一个分组）的结论是如何得出的
    .rule = 规则编号，如 `plan-on-time`
    .record = 记录编号，如 `JS-2022-R2-07`（不与 --unit、--round、--kind 或 --group 同用）
    .paths = 要查找的记录文件或文件夹（遍历其中的 *.yaml、*.yml）[默认：.]
    .unit = 解释分组规则对此责任单位记录的结论（`per unit`、`per unit and …` 的规则）
    .round = 解释分组规则对此轮次记录的结论（`per round`、`per unit and round` 的规则）
    .kind = 解释分组规则对此类型记录的结论（`per kind` 的规则）
    .group = 解释分组规则对分组字段取此值的分组的结论，如 `region=Jiangsu/Wuxi`；可重复，每个字段一次
    .rules = 规则文件或含 *.rules 的文件夹；可重复 [默认：rectify.toml 中的 `rules`，否则为内置规则集]
    .as-of = 评估日期，YYYY-MM-DD [默认：rectify.toml 中的 `as-of`，否则为本地时间的今天]
    .hidden = 也遍历隐藏的文件和文件夹
    .no-ignore = 不遵循 .gitignore 和 .ignore 文件（也不遵循 `respect-gitignore`）
    .force-exclude = 跳过命令行上指定、但位于所配置的 `records` 之外或 `exclude` 之内的文件（用于 pre-commit 的文件列表）
help-config = 显示最终生效的设置（rectify.toml、命令行参数、默认值）及各自的来源
    .format = 输出形式
    .files = 同时列出检查将读取的记录文件，以及有意跳过的文件
    .paths = 记录文件或文件夹，与 `check` 相同
    .rules = 规则文件或文件夹，与 `check` 相同；可重复
    .waivers = 豁免文件，与 `check` 相同；可重复
    .fail-on = 同 `check --fail-on`
    .as-of = 同 `check --as-of`
    .due-within = 同 `check --due-within`
    .jobs = 同 `check --jobs`
    .max-file-size = 同 `check --max-file-size`
    .hidden = 也遍历隐藏的文件和文件夹
    .no-ignore = 不遵循 .gitignore 和 .ignore 文件（也不遵循 `respect-gitignore`）
    .force-exclude = 跳过命令行上指定、但位于所配置的 `records` 之外或 `exclude` 之内的文件（用于 pre-commit 的文件列表）
help-diff = 某一天与之后某一天的检查结果之间的变化：新增问题、已消除问题、各责任单位得分
    .paths = 记录文件或文件夹（遍历其中的 *.yaml、*.yml）[默认：rectify.toml 中的 `records`，否则为 .]
    .rules = 规则文件或含 *.rules 的文件夹；可重复 [默认：rectify.toml 中的 `rules`，否则为内置规则集]
    .from = 较早的日期，YYYY-MM-DD
    .to = 较晚的日期 [默认：评估日期，即 rectify.toml 中的 `as-of`，否则为今天]
    .format = 输出格式
    .output = 把报告写入 FILE 而不是标准输出（原子写入）
    .exit-code = 有新增问题时以 1 退出（同 `git diff --exit-code`）
    .waivers = 豁免文件（rule、record、reason、until、approved_by）；可重复
    .jobs = 工作线程数，每个核心最多 4 个 [默认：每个核心一个]
    .color = 何时为输出着色（表格没有颜色；为与其他命令一致而接受）
    .hidden = 也遍历隐藏的文件和文件夹
    .no-ignore = 不遵循 .gitignore 和 .ignore 文件（也不遵循 `respect-gitignore`）
    .force-exclude = 跳过命令行上指定、但位于所配置的 `records` 之外或 `exclude` 之内的文件（用于 pre-commit 的文件列表）
help-import = 把电子表格台账（.xlsx、.csv）读入记录文件，每个责任单位一个台账文件
    .ledger = 台账：Excel 工作簿（.xlsx）或 CSV 文件（UTF-8）
    .map = 映射文件（TOML），用于预设不认识的表头、状态和日期写法
    .out = 写入记录文件的文件夹（不存在时创建）
    .force = 覆盖已存在的记录文件
    .max-file-size = 拒绝大于 BYTES 字节的台账或映射文件 [默认：64 MiB]
help-lsp = 规则文件和记录文件的语言服务器，经标准输入和标准输出通信
    .as-of = 评估日期，YYYY-MM-DD [默认：rectify.toml 中的 `as-of`，否则为本地时间的今天]
    .stdio = 经标准输入和标准输出通信（唯一的传输方式；因编辑器会传入而接受此参数）
help-init = 在此处写一个带注释的 rectify.toml（加 --rules 时同时复制内置规则）
    .rules = 同时把内置规则、日历和规则测试复制到 rules/
    .force = 覆盖已存在的文件
help-codes = 列出诊断代码及其说明，或说明一个代码
    .code = 诊断代码（`record::bad-date`）或命名空间（`record`）；省略时列出全部代码
    .format = 输出形式
help-completions = 输出 shell 补全脚本
    .shell = 要补全的 shell
# end of Commands

## Code descriptions
# `rectify codes`、SARIF 规则条目和编辑器用一行文字说明每个诊断代码
# （代码清单见 src/diag/codes.rs）。
# 各代码命名空间涵盖的范围。
code-namespace-rules = 规则文件
code-namespace-record = 记录文件
code-namespace-yaml = YAML 文本
code-namespace-input = 文件整体
code-namespace-calendar = 节假日日历
code-namespace-config = `rectify.toml`
code-namespace-unit = 责任单位
code-namespace-waiver = 豁免
code-namespace-import = 电子表格导入
code-namespace-test = 规则测试文件
code-namespace-cli = 命令行
# 每个代码一行。
code-rules-none = 在查找规则的位置未找到规则文件
code-rules-unreadable = 规则文件或文件夹不存在或无法读取
code-rules-syntax = 文本不符合语法；报告文件中的每个错误，每个顶层块一个
code-rules-unclosed = 一个 `{"{"}` 开启的块从未闭合，位置在该 `{"{"}`
code-rules-unmatched-brace = 一个 `{"}"}` 没有可闭合的块
code-rules-too-deep = 括号嵌套超过 32 层，或一个表达式的操作数和运算符超过 256 个
code-rules-bad-number = 语法可读但没有值的数字（小数位过多、数值过大）
code-rules-bad-percent = 百分比超过 100% 或小数位过多
code-rules-bad-date = 日期字面量不是有效日期
code-rules-bad-escape = 字符串中除 `\"`、`\\`、`\n`、`\t` 以外的转义
code-rules-bad-id = 规则编号不是 kebab-case 形式
code-rules-bad-grades = 等次阈值不递减，或最后一个等次带有阈值
code-rules-bad-ceiling = 计分方案的 `at most` 低于其起始分
code-rules-duplicate-item = 只能出现一次的规则项出现了两次，或 `title`、`help` 的同一语言版本出现了两次，或等级的同一语言 `title` 出现了两次
code-rules-missing-item = 规则缺少 `for`、`severity`（或 `reward`）或任何 `require`，或某个语言版本缺少原文
code-rules-unknown-language = `title` 或 `help` 的语言版本、或等级的 `title` 用了 rectify 不支持的语言（支持 `en`、`zh-CN`）
code-rules-reward-rule = 规则同时有 `penalty` 和 `reward`，`reward` 旁有 `severity`，或分组规则带有 `reward`
code-rules-fmt-unsafe = `rectify fmt` 将写出的排版无法解析回相同的规则，因此不写入任何内容
code-rules-internal = 解析器生成了 rectify 未预料的语法树
code-rules-calendar = 声明的日历无法读取（给出相对于规则文件解析后的路径及附近的日历），或两个日历相互矛盾
code-rules-unknown-kind = `for` 指定的记录类型没有任何流程声明
code-rules-unknown-stage = 环节不在规则所属记录类型的流程中
code-rules-unknown-field = 字段路径与已知字段相差一两处编辑，或子字段不存在；帮助说明记录确有该字段时如何声明
code-rules-not-extra = `extra fields` 列出了记录格式已定义的字段
code-rules-duplicate-rule = 已加载的文件中有两条规则编号相同
code-rules-duplicate-declaration = 同一记录类型有两个流程、两个计分方案、流程中某环节出现两次、两种不同的顺延策略，或扩展字段声明了两次
code-rules-bad-unit = 单位不适用于其使用位置：没有日历却用工作日，没有日历却要顺延时限，分组规则以外使用百分比
code-rules-type-mismatch = 操作数无法比较或组合
code-rules-bad-regex = `matches` 的模式不是有效的线性时间正则表达式
code-rules-incomplete = 规则没有 `require`，或计分方案无法成立
code-rules-bad-each = `each` 作用于的对象不是记录中的列表
code-rules-penalty-too-large = 扣分数值超过 10,000 分
code-rules-bad-reward = 加分数值超过 10,000 分，固定部分超过其自身的 `at most`，或在没有时限的规则上按提前天数加分
code-rules-mixed-group = 分组约束（`share of`、`count of`）与逐条记录的约束并列，或有 `per …` 而没有分组约束
code-rules-unreachable-penalty = 分组规则的分组不是责任单位却设有扣分，扣分计入不了任何得分
code-rules-bad-group = `per` 指定的字段不能用于分组：不是记录格式的文本字段（也不是 `unit`）、未声明或重复指定；帮助列出允许的字段并给出相近拼写
code-rules-bad-proportional = 无法计量的分组比例扣分：规则不是分组规则，没有或有两个对应约束（`percentage point` 需要 `share of`，`record` 需要 `count of`），使用 `=`/`!=`，或方向不对（`below` 需要 `>=`/`>`，`over` 需要 `<=`/`<`）
code-rules-bad-verdict = `passes RULE`/`fails RULE` 出现在 `share of`/`count of` 之外，或指向未加载的规则、分组规则、加分规则或其他记录类型的规则
code-rules-unused-kind = 流程声明的记录类型没有任何规则使用（`for`）
code-rules-unused-calendar = 声明了日历，但没有规则计算工作日，时限也不顺延
code-rules-unused-scoring = 声明了计分方案，但没有规则设有扣分或加分
code-rules-unknown-kind-value = 条件将 `kind` 与没有任何流程声明的记录类型比较
code-rules-lateness-without-deadline = 没有 `within` 或 `by` 的规则按逾期周期扣分
code-rules-unrolled-date = 在时限顺延至下一个工作日的规则集中，将环节日期与 `deadline` 或计算出的日期比较：表达式不顺延日期
code-rules-duplicate-constraints = 两条规则的 `for`、`when` 和 `require` 完全相同
code-rules-undeclared-field = 规则读取了记录格式未定义、也未在 `extra fields` 中声明的字段（每个路径一次，位于首次使用处）
code-rules-field-in-no-record = （`check`）规则读取的路径不在任何记录中，而记录中有与之拼写相近的路径，因此该条件永远不成立（每个路径一次，位于规则首次使用处）
code-rules-not-checked = （编辑器）编辑器中打开的记录文件未被检查：规则集无法加载，或该文件不属于项目的记录
code-record-duplicate-key = 同一映射中一个键出现两次；该记录被舍弃
code-record-duplicate-id = 两条记录的 `id` 相同，在同一文件中或跨文件
code-record-ids-unchecked = 超大规模运行中暂存在临时文件里的记录编号无法读回，未能检查是否重复（退出码 2）
code-record-missing-field = 缺少 `id`、`responsible.unit` 或某环节的 `date`
code-record-wrong-type = 值的类型不对
code-record-bad-date = 应为日期的值不是日期，或不是有效日期
code-record-not-a-record = 文件中的某一项不是映射
code-record-unknown-kind = `kind` 指定的记录类型在规则中未声明
code-record-unknown-stage = 环节名称不在该记录类型的流程中
code-record-unknown-status = `status` 不是 `not-started`、`in-progress`、`staged` 或 `completed`；该记录仍被检查，但不带状态
code-record-unknown-field = （警告）顶层键与某个核心字段相差一处编辑；其值作为扩展字段保留。声明该字段（`extra fields: regions`）即可消除此警告
code-record-unknown-key = 嵌套映射不允许的键：在环节中为错误，在 `responsible` 中为警告（除非已声明，`extra fields: responsible.lead_deputy`），也适用于延期、豁免或台账的顶层
code-record-future-date = （警告）环节日期或延期批准日期晚于评估日期：当天尚不可知
code-record-empty-file = （警告）文件中没有记录
code-yaml-syntax = 文本不是有效的 YAML
code-yaml-too-deep = 嵌套层数超过上限
code-yaml-alias-limit = 别名展开后的节点数超过上限（“十亿笑声”攻击）
code-input-unreadable = 记录路径不存在或无法读取
code-input-too-large = 文件超过 `--max-file-size`
code-input-not-utf8 = 文件不是 UTF-8 编码，位置在第一个错误字节
code-input-not-regular = FIFO、设备或套接字，未打开即跳过
code-input-symlink = 符号链接，已跳过：不跟随链接
code-input-bad-glob = `exclude` 或 `records` 的通配模式无法解析
code-input-ignore-file = `.ignore`/`.gitignore` 无法读取或解析
code-calendar-yaml = 文本不是有效的 YAML，或超出 YAML 的限制
code-calendar-documents = 文件为空，或包含多个 YAML 文档
code-calendar-wrong-type = 值的类型不对
code-calendar-unknown-key = 格式不认识的键
code-calendar-duplicate-key = 同一映射中一个键出现两次
code-calendar-missing-key = 缺少必需的键
code-calendar-bad-date = 日期不是有效日期
code-calendar-bad-year = 年份键不是年份
code-calendar-duplicate-year = 一个年份列出了两次
code-calendar-missing-year = 首年与末年之间缺少年份
code-calendar-missing-source = 年份缺少其所依据的通知
code-calendar-wrong-year = 日期列在既非其本年也非次年的年份下
code-calendar-bad-range = 节假日的 `from` 晚于 `to`，或跨度超过一年
code-calendar-workday-not-weekend = 调休上班日不是周末
code-calendar-holiday-and-workday = 某天既是法定节假日又是调休上班日
code-calendar-duplicate-day = 某天列出了两次
code-calendar-bad-weekday = `weekend` 下有未知的星期名称
code-calendar-not-covered = 记录需要的年份没有日历覆盖；该规则无法检查这条记录（每个日历每个年份一个错误）
code-calendar-near-end = （警告）评估日期距日历的最后一天不足 60 天
code-config-syntax = 文件不是有效的 TOML
code-config-unknown-key = rectify 不认识的键
code-config-invalid-value = 值的类型不对或超出范围
code-config-invalid-glob = 通配模式无法解析
code-config-duplicate-name = `[units]` 中一个单位名称出现两次
code-config-duplicate-unit = 同一个别名分配给了两个单位
code-unit-unknown = 设有单位名录时，`responsible.unit` 不在名录中
code-unit-lookalike = （警告）两种写法仅在不可见字符或形近字符上不同，按同一个责任单位计
code-unit-conflict = 单位名录将一个名称对应到两个单位
code-waiver-unreadable = 豁免文件无法读取
code-waiver-bad-file = 豁免文件不是豁免列表
code-waiver-bad-waiver = 豁免不是映射，或含有未知的键
code-waiver-incomplete = 豁免缺少 `reason`、`until` 或 `approved_by`：不豁免任何问题
code-waiver-unknown-rule = 豁免指定的规则未加载
code-waiver-unmatched = （警告）豁免没有匹配任何问题
code-waiver-expired = （警告）豁免的 `until` 早于评估日期（到期日当天仍有效）
code-waiver-inline-denied = `rectify.toml` 只允许在豁免文件中豁免
code-waiver-not-an-approver = `approved_by` 不在配置的审批人之列
code-waiver-too-long = 豁免期限超过配置的上限
code-import-unreadable = 文件无法作为电子表格读取，或没有指定的工作表
code-import-map = 映射文件不是有效的 TOML，或指定了未知的字段或取值
code-import-no-heading = 前几行中没有一行同时给出编号列和责任单位列
code-import-ignored-column = （警告）任何预设或映射项都不认识的表头：该列不导入
code-import-duplicate-column = 两列映射到同一字段
code-import-bad-date = 应为日期的单元格不是日期
code-import-bad-status = 没有任何译法认识的状态
code-import-bad-cell = 单元格含有电子表格错误或类型不对的值
code-import-missing-field = 某行没有编号或责任单位，或某环节的详情没有日期
code-import-duplicate-id = 两行的编号相同
code-test-empty-file = 测试文件中没有 YAML 文档
code-test-unknown-key = 测试文件、用例或预期问题中不接受的键
code-test-bad-value = 类型或格式不对的值
code-test-missing-field = 文件缺少 `cases`，用例缺少 `as_of` 或 `expect`，或预期问题缺少 `rule` 或 `record`（也没有 `unit` 或 `group`）
code-test-missing-file = `files:` 条目指向的文件不存在（路径相对于测试文件）
code-cli-unknown-rule = `--only` 或 `--skip` 指定的规则未加载

# Grades and pages
# Why the walk left a file out, in a note (`skipped `…`: why`).
walk-skipped-hidden = 隐藏文件（加 --hidden 可读取）
walk-skipped-ignore-file = 项目根目录以下的忽略文件：其匹配的文件不会被读取（加 --no-ignore 可读取）
walk-skipped-tool-config = 文件名与其他工具的配置文件相同
walk-skipped-force-exclude = 不在 `records` 之内或在 `exclude` 之内
# `rectify explain`: a path that could not be walked or read, and why.
find-unreadable = { $path }：{ $reason }
# A grade's title given twice for one language: `pass >= 90 title zh-CN "合格" title zh "及格"`.
rules-duplicate-grade-title = 等级 `{ $grade }` 的 `title { $tag }` 出现了两次
    .first = `{ $grade }` 的第一个 `{ $lang }` 版 `title`
    .help = 每种语言的 `title` 在一个等级中至多出现一次；请删除其一
# The help for a grade's title in a language rectify does not speak.
rules-grade-title-language = 请写 `en` 或 `zh-CN`；没有某种语言 `title` 的等级在该语言中显示其原名
# What pest expected: a language tag, as in `title zh-CN "…"`.
rules-expected-language = 语言标记（`zh-CN`）
# `rectify rules doc`: the comment that opens each page, the words of a
# rule's page and of the index (rule data, as written, goes in as arguments).
doc-generated = 由 `rectify rules doc` 根据 { $files } 生成，请勿编辑。
doc-page =
    .applies-to = 适用于
    .group-rule = 分组规则
    .when = 适用条件
    .severity = 严重程度
    .reward = 加分
    .penalty = 扣分
    .legal-basis = 依据
    .defined-in = 定义位置
    .requires = 要求
    .what-to-do = 处理办法
    .as-written = 规则原文
doc-applies-to = `{ $kind }` 记录
doc-group-rule = 每个未达到要求的 { $key } 一条问题，位于规则处
doc-defined-in = `{ $file }` 第 { $line } 行
# A rule's title or help as written, under its variant in the run's language.
doc-as-written = 原文：{ $text }
doc-reward = 加分 { $figures }
doc-none = 无
doc-index = { $files } 的规则，每条规则一页。规则语言见[参考文档](../rule-language.md)。
    .rules = 规则
    .rule = 规则
    .title = 标题
    .kind = 类型
    .severity = 严重程度
    .penalty = 扣分
    .extra-fields = 扩展字段
doc-extra-fields = 记录除记录格式外还可有以下字段，规则已声明（`extra fields`）：{ $fields }。
# end of Grades and pages

# Lists
# 句中的列举，按 `join` 连接：`and`（并列各项）、`or`（可选各项）、
# `plain`（逐项列举）、`clauses`（同一句中的各分句）。`list-between`
# 用于最后两项之前的各项之间；`list-last` 把最后一项接在前面各项之后。
# 各项多为拉丁字母的名称，「和」「或」两侧按惯例各留一个空格：`a`、`b` 和 `c`。
list-between = { $join ->
    [clauses] ；
   *[other] 、
}
list-last = { $join ->
    [and] { $init } 和 { $last }
    [or] { $init } 或 { $last }
    [clauses] { $init }；{ $last }
   *[plain] { $init }、{ $last }
}
# 没有任何项的列表。
list-empty = 无
# 豁免文件中的豁免缺少的键：指明豁免对象的两个键之一。
waiver-record-or-unit = `record` 或 `unit`
# end of Lists
