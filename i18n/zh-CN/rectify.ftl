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
