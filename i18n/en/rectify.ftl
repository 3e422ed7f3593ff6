# rectify's English catalogue. Every message here has a twin with the same
# id and the same arguments in i18n/zh-CN/rectify.ftl (a test checks it).
# Counts arrive as numbers: choose plural forms on them and show them with
# COUNT(), which groups thousands (3,319). Points arrive as numbers written
# the way rectify writes them (7.5, 0.25).

## Counts and points, used inside other messages.

count-errors = { $n ->
    [one] 1 error
   *[other] { COUNT($n) } errors
}
count-warnings = { $n ->
    [one] 1 warning
   *[other] { COUNT($n) } warnings
}
count-infos = { $n ->
    [one] 1 info
   *[other] { COUNT($n) } infos
}
count-commendations = { $n ->
    [one] 1 commendation
   *[other] { COUNT($n) } commendations
}
count-diagnostics = { $n ->
    [one] 1 diagnostic
   *[other] { COUNT($n) } diagnostics
}
points = { $points ->
    [one] { $points } point
   *[other] { $points } points
}

## The footer of the human and plain formats.

# `summary: 3 errors, 1 warning, 0 infos, 1 waived, 4 pending; penalty 7.5 points`
summary = summary: { $errors }, { $warnings }, { $infos }, { COUNT($waived) } waived, { COUNT($pending) } pending; penalty { $penalty }
# Appended to the summary when a rule rewarded work.
summary-rewards = ; { $commendations }, reward { $reward }
# Appended to the summary when inputs could not be read or checked.
summary-inputs = ; { $diagnostics } about the inputs

# The columns of the unit scoreboard.
scoreboard =
    .unit = unit
    .records = records
    .findings = findings
    .penalty = penalty
    .reward = reward
    .score = score
    .grade = grade

# `progress: tasks: 16 of 41 completed (2 late), 3 overdue; petitions: …`
progress = progress: { $parts }
progress-separator = {"; "}
progress-task = tasks: { COUNT($done) } of { COUNT($total) } completed ({ COUNT($late) } late), { COUNT($overdue) } overdue
progress-petition = petitions: { COUNT($done) } of { COUNT($total) } closed ({ COUNT($late) } late), { COUNT($overdue) } overdue
# A kind of record other than task and petition.
progress-other = { $kind }: { COUNT($done) } of { COUNT($total) } completed ({ COUNT($late) } late), { COUNT($overdue) } overdue

# The stages due within `--due-within` days.
due-soon = due soon (within { $days ->
    [one] 1 day
   *[other] { COUNT($days) } days
}):
due-soon-none = due soon (within { $days ->
    [one] 1 day
   *[other] { COUNT($days) } days
}): nothing

## The concise format: `file:line:col: rule: message [points]`.

# The bracket of a waived finding.
concise-waived = waived
# The bracket of a commendation: `[reward 1.5 points]`.
concise-reward = reward { $points }

## Findings: what a rule found, said at report time. Stage names, field
## names, rule ids and expressions arrive as written (they are data).

# Between the lines of a message that must fit on one line (a Markdown cell).
verdict-separator = {"; "}
verdict-rest = cannot check the rest: { $reasons }
verdict-cannot-check = { $scope ->
    [applies] cannot check whether the rule applies: { $reasons }
    [group] cannot check which group the record is in: { $reasons }
   *[rule] cannot check: { $reasons }
}
verdict-commended = commended: meets every requirement of the rule
verdict-commended-early = commended: `{ $stage }` dated { $actual } is { $early } early for `{ $constraint }` (due { $due })

# `30 workdays`, `1 day`.
amount = { $unit ->
    [day] { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
    [workday] { $n ->
        [one] { $n } workday
       *[other] { $n } workdays
    }
    [week] { $n ->
        [one] { $n } week
       *[other] { $n } weeks
    }
    [month] { $n ->
        [one] { $n } month
       *[other] { $n } months
    }
   *[year] { $n ->
        [one] { $n } year
       *[other] { $n } years
    }
}
# `6 days (4 workdays)`.
lateness = { $days } ({ $workdays })

# How a due date was reached; `rolled`: it was not a working day and moved
# to the next one.
due-within = was due { $due }, { $amount } after `{ $after }` { $base }
due-within-rolled = was due { $due }: { $amount } after `{ $after }` { $base } is { $computed }, not a working day
due-by = was due by `{ $what }`, { $due }
due-by-rolled = was due { $due }: `{ $what }` { $computed } is not a working day

fact-late = `{ $stage }` { $due }; it is dated { $actual }, { $lateness } late
fact-overdue = `{ $stage }` { $due }; it is not recorded as of { $as_of }, { $lateness } overdue
fact-missing = `{ $expr }` is missing
fact-present = `{ $expr }` is present{ $details }
fact-fails = `{ $expr }` does not hold{ $details }
fact-order = `{ $first }` ({ $first_date }) should be { $op ->
    [before] before
    [on-or-before] on or before
    [after] after
   *[on-or-after] on or after
} `{ $second }` ({ $second_date })
fact-skipped = `{ $stage }` is skipped: `{ $later }` is recorded but `{ $stage }` is not
fact-out-of-order = `{ $stage }` ({ $date }) is dated before `{ $previous }` ({ $previous_date })
fact-too-short = `{ $stage }` lasts { $length } ({ $first } to { $last }), less than { $needed }
fact-no-evidence-listed = `{ $stage }` lists no evidence
fact-no-evidence = `{ $stage }` has no evidence
fact-extension = extension { $n }: { $parts }

# The values a failing condition read: ` (`status` is `open`, …)`.
seen-details = {" "}({ $seen })
seen-value = `{ $expr }` is { $value }
seen-same-unit = `{ $a }` and `{ $b }` name the same unit
seen-list = `{ $expr }` is a list of { $n }
seen-mapping = `{ $expr }` is a mapping
seen-missing = `{ $expr }` is missing

# Why a rule cannot be checked.
reason-rule = rule `{ $id }` cannot check the record
reason-calendar = calendar `{ $calendar }` does not cover { $year }
reason-not-text = `{ $expr }` is not text
reason-not-bool = `{ $expr }` is not true or false
reason-cannot-compare = cannot compare `{ $a }` with `{ $b }`
reason-not-date = `{ $expr }` is not a date
reason-stage-field = `{ $stage }` has no `{ $field }`
reason-extension-field = the extension has no `{ $field }`
reason-record-field = record has no `{ $field }`
reason-date-range = `{ $expr }` is out of the supported date range
reason-after-range = { $amount } after { $base } is out of the supported date range
reason-no-calendar = working days need a calendar
reason-group-field = the record has no `{ $field }`, and the rule groups records per { $by }
reason-extension = extension { $n }: { $reason }

# Labels at a finding's places.
label-not-recorded = `{ $stage }` due { $due }, not recorded by { $as_of }
label-late = { $lateness } late, due { $due }
label-due-from = the due date { $due } comes from here
label-dated = `{ $stage }` is dated { $date }
label-recorded-without = recorded without `{ $stage }`
label-before = before `{ $stage }` { $date }
label-ends-after = ends after { $length }
label-empty-evidence = empty evidence list
label-no-evidence = no `evidence` recorded
label-this-record = this record
label-group-rule = group rule
label-early = { $early } early, due { $due }
label-commended = commended

# How a penalty was reached: `1 + 0.1 × 4 workdays = 1.4`.
note-penalty = { $fixed } + { $points } × { $per } = { $total }
# `2 started periods of 30 days`.
note-periods = { $count ->
    [one] { $count } started period
   *[other] { $count } started periods
} of { $every }
note-capped = { $note }, capped at { $cap }
# A group's proportional penalty: `86.36% is …, 9 started: 0.5 × 9 percentage points = 4.5`.
note-shortfall = { $shortfall }: { $fixed }{ $points } × { $units } { $unit ->
    [percentage-point] { $units ->
        [one] percentage point
       *[other] percentage points
    }
   *[record] { $units ->
        [one] record
       *[other] records
    }
} = { $total }
shortfall-share = { $figure }% is { $short } percentage points { $dir ->
    [below] below
   *[over] over
} { $threshold }%{ $strict }, { $units } started
shortfall-strict = , `{ $op }` fails at the threshold itself
shortfall-count = { $met } counted, { $units } { $dir ->
    [below] below the least required
   *[over] over the most allowed
} ({ $bound })

# Group rules: `unit `Xuzhou` and round `2`: `share of (…) >= 95%` is …`.
verdict-group = { $group }: { $figures }
group-all = all records
group-key = { $key } `{ $value }`
group-and = {" and "}
group-required = { $op ->
    [eq] exactly
    [ne] other than
    [lt] below
    [le] at most
    [gt] above
   *[ge] at least
} { $threshold }
group-figure-share = `{ $constraint }` is { $figure } ({ $met } of { $members } `{ $kind }` records), { $required } required
group-figure-count = `{ $constraint }` holds for { $met } of { $members } `{ $kind }` records, { $required } required
group-unknown = {" "}({ $n } could not be checked)
group-listed-share = ; records that do not meet it: { $ids }
group-listed-count = ; records counted: { $ids }
group-more = { $ids } and { $n } more

## Around a finding: its help lines and the reports' notes.

# A waived finding's message: `P-1: … (waived)`.
finding-waived = { $message } (waived)
help-at = at: { $place }
help-cite = cite: { $cite }
help-waiver = waiver: { $note }
# `penalty: 1.4 points (1 + 0.1 × 4 workdays = 1.4)`.
help-penalty = penalty: { $shown }
help-reward = reward: { $shown }
help-penalty-waived = penalty: none, waived (would be { $shown })
help-reward-waived = reward: none, waived (would be { $shown })
help-amount-note = { $amount } ({ $note })
waiver-approved = approved by `{ $by }`
waiver-approved-until = approved by `{ $by }` until { $until }

# The rule behind a finding, shown with it.
rule-named = rule `{ $id }`{ $title }
rule-defined-in = rule `{ $id }`{ $title } is defined in { $file }
# `: Rectification plan within 30 working days`, after the rule's id.
rule-title = : { $title }
rule-defined-here = rule defined here

# A JUnit failure's body: the finding's unit and a group's records.
help-unit = unit: { $unit }
help-records = records: { $ids }
# Appended to a GitHub annotation's message.
annotation-waiver = {" "}(waiver { $note })
annotation-penalty = {" "}(penalty { $points })
annotation-reward = {" "}(reward { $points })
# A JUnit test case skipped because its finding is waived.
junit-waived = waived: { $reason }
junit-waiver-unknown = an approved waiver
# A waived finding in the editor: `waived: approved by … until …`, or
# `waived` when who approved it is not known.
lsp-waived = waived
lsp-waived-note = waived: { $note }

## report
# `rectify report`, `report --history` and `diff`: headings, columns,
# chart labels and notes. Record data (units, ids, grades) and dates are
# shown as written.

# The column headings of the report's tables.
report-column =
    .kind = kind
    .total = total
    .completed = completed
    .staged = staged
    .in-progress = in progress
    .not-started = not started
    .unknown = unknown
    .closed = closed
    .late = late
    .overdue = overdue
    .round = round
    .unit = unit
    .record = record
    .rule = rule
    .due = due
    .early-days = early days
    .reward = reward
    .at = at
    .days = days
    .stage = stage
    .points = points
    .in-days = in days
    .records = records
    .findings = findings
    .penalty = penalty
    .score = score
    .grade = grade
    .on-time = on time
    .end = end
    .file = file
    .incurred = incurred
    .completed-on = completed on
    .change = change
    .place = place
    .message = message
# A kind of record as the tables name it.
report-kind = { $kind }
# One part of the headline: `16 of 41 tasks completed`.
report-headline-task = { COUNT($done) } of { COUNT($total) } tasks completed
report-headline-petition = { COUNT($done) } of { COUNT($total) } petitions closed
report-headline-other = { COUNT($done) } of { COUNT($total) } { $kind } completed
report-headline-separator = {"; "}
report-no-records = no records
report-title = Rectification progress as of { $date }
report-as-of = as of { $date }
report-nothing = nothing
report-nothing-md = Nothing.
report-no-round = (no round)
report-waived = waived
report-progress = Progress
report-progress-by-round = Progress by round
report-progress-by-unit = Progress by unit
report-scoreboard = Unit scoreboard (worst first)
report-exemplary = Exemplary cases
report-overdue = Overdue
report-overdue-earlier = Earlier stages overdue
report-due-within = Due within { $days } days of { $date }
# The HTML page's charts.
report-chart-scores = Unit scores
report-chart-deadlines = Deadlines
report-chart-scores-label = unit scores
report-chart-deadlines-label = deadlines
report-chart-deadline = deadline
report-chart-no-deadlines = No deadlines to show.
report-chart-legend = Dot: due date. Orange bar: done late. Red bar: missing past its due date, to the evaluation date. Hollow dot: not yet due. Only deadlines with a finding or still pending are shown.
report-chart-more = {" "}{ COUNT($n) } more not drawn.
report-chart-due = due { $due }
report-chart-due-missing = due { $due }, still missing on { $until }
report-chart-due-done = due { $due }, done { $until }

# `report --history`.
history-title = Progress history, { $every }, { $first } to { $last }
history-title-empty = Progress history
history-every = { $every ->
    [weekly] weekly
    [monthly] monthly
    [quarterly] quarterly
   *[other] { $every }
}
history-progress = Progress at each period end
history-units = Units at each period end
history-units-at = Units at { $date }
history-period = after { $start } up to { $end }
history-period-to = up to { $end }
history-completed = Completed { $period }
history-newly-overdue = Newly overdue at { $date }
history-due-next = Falling due before { $date } (the next period end)
# The columns of the counts per period end, per kind.
history-total = { $kind }s
history-done = { $kind ->
    [task] completed
   *[other] closed
}
history-done-late = { $kind ->
    [task] completed late
   *[other] closed late
}
history-overdue = { $kind }s overdue
# The HTML page.
history-headline = At { $date }: { $parts }
history-headline-part = { $done } of { $total } { $kind }s { $kind ->
    [task] completed
   *[other] closed
}
history-chart-kind = { $kind ->
    [task] Tasks completed over time
    [petition] Petitions closed over time
   *[other] { $name }s closed over time
}
history-line-total = total
history-line-overdue = overdue
history-chart-label = line chart
history-on-time = On-time rate by unit
history-no-units = No units.
history-on-time-note = Share of a unit's records whose last stage is recorded or overdue that were recorded on or before the due date. The { $n } units with the lowest rate at the last period end are drawn apart; the others are pooled. A gap: nothing due yet.
history-others = { $n } other units

# `rectify diff`.
diff-title = Changes from { $from } to { $to }
diff-headline = { $new } new { $new ->
    [one] finding
   *[other] findings
}, { $resolved } resolved; { $units } { $units ->
    [one] unit
   *[other] units
} changed score
diff-new = New findings
diff-resolved = Resolved findings
diff-scores = Score changes
diff-from-after-to = `--from` { $from } is after `--to` { $to }
diff-from-after-to-help = give the earlier day as `--from`
report-json-needs-history = `rectify report --format json` is the progress history: add `--history PERIOD`
report-json-needs-history-help = for the check's JSON report (progress included), run `rectify check --format json`
# A range of days `report --history` refuses.
history-range-backwards = the history starts on { $from }, after its end { $to }
history-range-backwards-help = give a `--from` on or before `--to` (which defaults to the evaluation date)
history-range-too-long = a { $every } history over this range has { $periods } periods, more than { $max }
history-range-too-long-help = check the years of `--from` and `--to`, or choose longer periods; at most { $max } period ends are computed

# The xlsx workbooks' sheet names and column headings, by their English
# names (`Late days`: `xlsx-heading.late-days`), and the words in cells.
xlsx-sheet =
    .findings = Findings
    .scoreboard = Scoreboard
    .progress = Progress
    .input-errors = Input errors
    .history = History
    .units = Units
    .this-period = This period
xlsx-heading =
    .file = File
    .line = Line
    .column = Column
    .rule = Rule
    .record = Record
    .unit = Unit
    .severity = Severity
    .message = Message
    .due = Due
    .actual = Actual
    .late-days = Late days
    .late-workdays = Late workdays
    .penalty = Penalty
    .waived = Waived
    .reward = Reward
    .records = Records
    .findings = Findings
    .score = Score
    .grade = Grade
    .commendations = Commendations
    .round = Round
    .kind = Kind
    .total = Total
    .completed = Completed
    .completed-late = Completed late
    .overdue = Overdue
    .staged = Staged
    .in-progress = In progress
    .not-started = Not started
    .unknown = Unknown
    .closed = Closed
    .code = Code
    .end = End
    .completed-or-closed = Completed or closed
    .late = Late
    .incurred = Incurred
    .on-time-rate = On-time rate
    .list = List
    .date = Date
xlsx-all-units = All units
xlsx-list =
    .completed = completed
    .newly-overdue = newly overdue
    .due-next-period = due next period

## explain, rules, test, fmt

# `rectify explain`: the derivation of a verdict, one step a message.
# Indented steps are indented by rectify, not here.
explain-heading-record = rule `{ $rule }` on record `{ $record }` ({ $place })
explain-heading-group = rule `{ $rule }` on { $group }
explain-other-kind = rule `{ $rule }` applies to `{ $kind }` records; record `{ $record }` ({ $place }) is a `{ $is }`, so the rule does not apply to it
explain-applies = rule `{ $rule }` applies to `{ $kind }` records; `{ $record }` is one; evaluated as of { $as_of }
explain-not-known-yet = dates after { $as_of } are not known yet on that day: those stages count as not recorded, those extensions as not approved
explain-own-deadline = the record's own deadline is { $date }
explain-no-date = no date
explain-extension-approved = extension { $n } to { $to } was approved by { $by } on { $on }
explain-extension-approved-undated = extension { $n } to { $to } was approved by { $by } (no approval date)
explain-extension-unapproved = extension { $n } to { $to } has no `approved_by`, so it does not move the deadline
explain-effective-extension = the effective deadline is { $date }, set by extension { $n } (the last approved one)
explain-effective-own = the effective deadline is the record's own, { $date }
explain-when-holds = when `{ $when }`: holds, so the rule applies
explain-when-fails = when `{ $when }`: does not hold, so the rule does not apply
explain-when-unknown = when `{ $when }`: unknown (a value is missing), so the rule cannot be checked
explain-cannot-check-reason = cannot check: { $reason }
explain-counts-towards = counts towards the group of { $group } of this group rule
explain-require = require `{ $text }`
explain-part-holds = holds
explain-part-early = holds: { $amount } before the due date { $due }
explain-part-pending = pending: due { $due }, not before the evaluation date
explain-part-fails = fails: { $message }
explain-part-unknown = cannot check: { $reasons }
# `passes RULE` / `fails RULE` in a condition: what that rule gave.
explain-rule-cannot-check = rule `{ $rule }` cannot check the record on this record
explain-rule-fails = rule `{ $rule }` fails on this record
explain-rule-pending = rule `{ $rule }` is pending, not yet due on this record
explain-rule-holds = rule `{ $rule }` holds on this record
explain-rule-does-not-apply = rule `{ $rule }` does not apply on this record
explain-expr-is = `{ $expr }` is { $date }
explain-counted = { $amount } after { $base } is { $due }
explain-counted-days = { $amount } after { $base } is { $due } (the start day is not counted)
explain-counted-workdays = { $amount } after { $base } is { $due }, counting working days strictly after { $base }{ $notes }
explain-rolled = { $due } is not a working day{ $notes }; the due date moves to the next working day, { $rolled } (Civil Code art. 203)
# The days skipped or worked, after a date: ` (Spring Festival 2025-01-28 to 2025-02-04 off; 2 weekend days off)`.
explain-notes = {" "}({ $notes })
explain-note-sep = ;{" "}
explain-note-span = { $from } to { $to }
explain-note-holiday = { $holiday } { $span } off
explain-note-makeup = { $day } worked in lieu of { $holiday }
explain-note-weekends = { $n } { $n ->
    [one] weekend day
   *[other] weekend days
} off
explain-stage-due = `{ $stage }` is due { $due }
explain-stage-in-time = `{ $stage }` is dated { $date }, on or before { $due }
explain-stage-overdue = `{ $stage }` is not recorded; the evaluation date { $actual } is past the due date { $due }
explain-stage-late = `{ $stage }` is dated { $actual }, after the due date { $due }
explain-lateness-counted = lateness: { $days } calendar days from { $due } to { $actual }
explain-lateness-counted-workdays = lateness: { $days } calendar days from { $due } to { $actual }; { $workdays } working days after { $due } up to and including { $actual }
explain-reward-rule = reward rule: { $reward }
explain-not-commended = verdict: not commended: a requirement does not hold, is not yet due or cannot be checked; no finding
explain-earliness = earliness: { $days } calendar days before { $due }
explain-earliness-workdays = earliness: { $days } calendar days, { $workdays } working days before { $due }
explain-reward = reward: { $note }
explain-commended = verdict: commendation, { $points } points earned
explain-cannot-check = verdict: cannot check ({ $message }): an error finding with no penalty
explain-penalty-rule = penalty rule: { $penalty }
explain-points = { $points } { $points ->
    [one] point
   *[other] points
}
explain-figures-short = { $points } per { $unit ->
    [record] record
   *[other] percentage point
} { $dir ->
    [over] over
   *[other] below
}
explain-figures-fixed-short = { $fixed }, plus { $plus } per { $unit ->
    [record] record
   *[other] percentage point
} { $dir ->
    [over] over
   *[other] below
}
explain-figures-per = , plus { $points } per { $every ->
    [1] { $unit ->
        [days] day
       *[other] workday
    }
   *[other] { $every } { $unit ->
        [days] days
       *[other] workdays
    }
} { $period ->
    [early] early
   *[other] late
}
explain-figures-cap = , at most { $cap }
explain-lateness = lateness: { $days } calendar days
explain-lateness-workdays = lateness: { $days } calendar days, { $workdays } working days
explain-penalty = penalty: { $note }
explain-finding = verdict: { $severity } finding, { $points } points
explain-pending = verdict: pending, not yet due (due { $due }); no finding
explain-holds = verdict: the rule holds; no finding
explain-waived = waived: approved by { $by } until { $until } ({ $reason }); it costs no points
explain-waiver-expired = a waiver expired on { $until }, so the finding counts
explain-waiver-incomplete = a waiver has no `{ $field }` (or it is empty), so it does not apply
explain-waiver-malformed = a waiver has a value that cannot be read, so it does not apply
explain-not-applicable = verdict: the rule does not apply to this record; no finding
# A member record of a group rule.
explain-member-met = it meets the condition
explain-member-not-met = it does not meet the condition
explain-member-unknown = the condition cannot be checked for it, so it counts as not met
explain-member-counted = counted: { $met }
explain-member-not-counted = not counted: { $met }
explain-member-in-share = counted in the share: { $met }
explain-member-verdict = verdict: a group rule judges { $group } as a whole, not each record; to see its figure, run `{ $command }`
# A group rule on one group.
explain-per-run = run
explain-by-and = {" "}and{" "}
explain-group-applies = rule `{ $rule }` judges `{ $kind }` records per { $by }; { $group } has { $n } of them; evaluated as of { $as_of }
explain-group-skipped = `{ $record }` is not counted: { $why }
explain-skipped-when = `when { $when }` does not hold
explain-skipped = not counted
explain-list = { $what }: { $n ->
    [0] none
    [one] 1 record: { $ids }
   *[other] { $n } records: { $ids }
}
explain-list-counted = counted
explain-list-met = met the condition
explain-list-not-met = did not meet it
explain-list-count-met = counted (the condition holds)
explain-list-count-not-met = not counted (it does not hold)
explain-list-unknown = could not be checked (counted as not met)
explain-figure-share = { $shown } ({ $met } of { $members }), { $required } required: { $verdict }
explain-figure-count = { $met } of { $members } counted, { $required } required: { $verdict }
explain-group-finding = verdict: { $severity } finding on { $group }, { $points } { $points ->
    [one] point
   *[other] points
}
explain-group-meets = verdict: { $group } meets the rule; no finding

# `rules check`, `test` and `fmt`: their own summary and status lines.
rules-check-summary = { $files } rule { $files ->
    [one] file
   *[other] files
}, { $rules } { $rules ->
    [one] rule
   *[other] rules
}: { $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}
test-pass = PASS { $file }: { $case }
test-fail = FAIL { $file }: { $case }
test-result = test result: { $passed } passed, { $failed } failed
test-coverage = coverage: { $fired } of { $rules } rules fired in some case ({ $percent }%)
test-never-fired = never fired: { $ids }
test-never-passed = never passed: { $ids }
test-never-pending = deadline never pending: { $ids }
fmt-formatted = formatted { $file }
fmt-not-changed = `{ $file }` was not changed

## Advice for a near miss, in every kind of diagnostic
did-you-mean = did you mean `{ $name }`?

## Input diagnostics: YAML and records

# The YAML layer. `reason` is the YAML parser's own (English) reason.
yaml-syntax = { $reason }
yaml-syntax-unknown = invalid yaml
yaml-unknown-alias = unknown alias
yaml-too-deep = nesting is deeper than { $max } levels
yaml-alias-limit = aliases expand to more than { $max } nodes

# Record files. Values from the file (`value`, `key`, `kind`, …) arrive
# clipped; lists of names arrive joined: `a`, `b`, `c`.
# `expected` and `found` are keys: what a value should be and what it is.
record-wrong-type = expected { $expected ->
        [mapping] a mapping
        [list] a list
        [date] a date
        [stage] a date or a mapping with `date`
       *[string] a string
    }, found { $found ->
        [empty] an empty value
        [boolean] a boolean
        [number] a number
        [list] a list
        [mapping] a mapping
       *[string] a string
    }
    .help = quote it to make it a string
record-not-a-record = expected a record (a mapping), found { $found ->
        [empty] an empty value
        [boolean] a boolean
        [number] a number
        [list] a list
        [mapping] a mapping
       *[string] a string
    }
record-bad-date =
    .help = write dates as YYYY-MM-DD, e.g. 2023-12-31
record-bad-date-form = `{ $value }` is not a valid date: expected the form YYYY-MM-DD
record-bad-date-month = `{ $value }` is not a valid date: there is no month { $month }
record-bad-date-day = `{ $value }` is not a valid date: { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year } has { $days } days
# `reason`: the date library's own.
record-bad-date-other = `{ $value }` is not a valid date: { $reason }
# `in`: which mapping (`stage` names it in `stage`); `keys`: the keys it takes.
record-unknown-key = unknown key `{ $key }` in { $in ->
        [ledger] a ledger file
        [responsible] `responsible`
        [extension] an extension
        [stage] stage `{ $stage }`
       *[waiver] a waiver
    }
record-unknown-key-takes = { $in ->
        [ledger] a ledger file
        [responsible] `responsible`
        [extension] an extension
        [stage] stage `{ $stage }`
       *[waiver] a waiver
    } takes { $keys }
record-duplicate-key = duplicate key `{ $key }`
    .label = first defined here
    .help = a key may appear only once in a mapping; remove one of them
record-missing-field = missing required field `{ $field }`
    .help-id = every record needs an `id`, unique across everything loaded
    .help-unit = `responsible.unit` names the unit that is scored
    .help-records = a ledger holds its records in a list under `records:`
record-missing-date = stage `{ $stage }` has no `date`
    .help = a stage entry is a date or a mapping with `date`
record-unknown-kind = unknown record kind `{ $kind }`
    .help = the rules declare the kinds { $kinds }
record-unknown-status = unknown status `{ $status }`
    .help = status is one of { $statuses }
record-unknown-field = unknown field `{ $field }`
record-unknown-stage = unknown stage `{ $stage }` for kind `{ $kind }`
    .help = the stages of `{ $kind }` are { $stages }
record-empty-file = file has no records
    .help = a record file holds a record, a list of records or a ledger

# end of YAML and records


## Input diagnostics: spreadsheet import and rule tests

# Rule-test files (`rectify test`). `key` is the key as written, clipped.
test-empty-file = the test file is empty
test-not-a-mapping = expected a mapping with `cases`
test-unknown-key = unknown key `{ $key }`; expected `rules`, `as_of` or `cases`
test-no-cases = the test file has no `cases`
test-cases-not-a-list = `cases` must be a list
test-case-not-a-mapping = a case must be a mapping
test-unknown-case-key = unknown key `{ $key }`; expected `name`, `as_of`, `records`, `files`, `expect` or `pending`
test-case-no-as-of = the case has no `as_of` (and the file gives none)
test-case-no-expect = the case has no `expect` (use `expect: none` when no finding is expected)
test-expect-not-a-list = `expect` must be a list of findings or `none`
test-expected-not-a-mapping = an expected finding must be a mapping with `rule` and `record`
test-unknown-expected-key = unknown key `{ $key }` in an expected finding
test-expected-incomplete = an expected finding needs `rule` and `record` (or `unit` or `group`, for a group rule)
test-group-not-a-mapping = `group` must be a mapping of fields to values, like `{"{"} region: Jiangsu/Wuxi {"}"}`
test-expected-text = expected text
test-expected-list = expected a list
test-expected-date = expected a date (YYYY-MM-DD)
test-expected-number = expected a whole number
test-expected-boolean = expected `true` or `false`
test-expected-points = expected points with at most two decimals
test-expected-severity = expected `error`, `warning`, `info` or `commendation`
# `file`: as written in `files:`; `resolved`: the path it names.
test-missing-file = no such record file `{ $file }` (resolved to `{ $resolved }`); `files:` paths are relative to the test file

# A failing case's lines: an error loading its records (`code: message`),
# then the diff. `finding` is a `test-finding-…` message.
test-case-error = { $code }: { $message }
test-diff-missing = - expected { $finding }
test-diff-unexpected = + found    { $finding }
test-diff-pending-missing = - expected { $n } pending deadline(s)
test-diff-pending-unexpected = + found    { $n } pending deadline(s)
# `plan-on-time on P-1 (error, penalty 1.4, due 2022-07-14)`; a group
# rule's: `share-on-time for unit Wuxi, round r1`.
test-finding-on = { $rule } on { $record }
test-finding-for = { $rule } for { $group }
test-finding-details = { $finding } ({ $details })
test-group-unit = unit { $unit }
test-group-field = { $field } { $value }
test-group-all = all records
test-separator = {", "}
test-detail-severity = { $severity ->
        [error] error
        [warning] warning
        [info] info
       *[commendation] commendation
    }
test-detail-penalty = penalty { $points }
test-detail-due = due { $date }
test-detail-late-days = { $n } days late
test-detail-late-workdays = { $n } workdays late
test-detail-reward = reward { $points }
test-detail-early-days = { $n } days early
test-detail-early-workdays = { $n } workdays early
test-detail-waived = waived
test-detail-not-waived = not waived

# Spreadsheet import (`rectify import`). Cell texts and headings arrive
# neutralised and clipped; `field` is a record field's path (`stages.plan`).
# Where a problem is: a cell, `Sheet!C12`, or a map file's default.
import-cell = { $cell }
import-default = the default of `{ $field }`
import-save-as = save the ledger as an Excel workbook (.xlsx) or as CSV (UTF-8)
# `reason` is the operating system's or the spreadsheet library's own.
import-unreadable = cannot read `{ $file }`: { $reason }
import-unreadable-map = cannot read the map file `{ $file }`: { $reason }
import-unreadable-workbook = cannot read the workbook: { $reason }
import-not-a-ledger = cannot import `{ $file }`: not an .xlsx or .csv file
import-workbook-too-large = cannot read the workbook: its parts unpack to { $total } bytes, more than { $ratio } times the file's { $packed }
import-no-sheet = the workbook has no sheet `{ $sheet }`
    .help = its sheets: { $sheets }
import-no-sheets = the workbook has no sheet
import-sheet-too-large = sheet `{ $sheet }` has a cell at { $cell }, beyond column { $column } or row { $rows }
import-csv-too-large = `{ $file }` has more than { $columns } columns or { $rows } rows
import-open-quote = `{ $file }` ends inside a quoted field
    .help = a field that starts with `"` ends with `"`; write a quote inside it as `""`
import-no-row = sheet `{ $sheet }` has no row { $row }
import-no-heading = no heading row in the first { $rows } rows of sheet `{ $sheet }` names an id and a responsible unit
    .help = the presets know headings such as 编号 and 责任单位 (id, responsible unit); name other headings in a map file (`--map`)
import-ignored-column = column `{ $column }` is not imported
    .help = map it to a field (or to `skip`) under `[columns]` in a map file (`--map`)
import-ignored-column-given = column `{ $column }` is not imported: column `{ $kept }` gives `{ $field }`
    .help = map it to another field, or to `skip`, in a map file (`--map`)
import-duplicate-column = column `{ $column }` maps to `{ $field }`, like column `{ $other }` at { $place }
    .help = map one of them to another field, or to `skip`, in a map file (`--map`)
import-duplicate-id = id `{ $id }` is already used at { $first }
    .help = every row needs an id of its own
# `what`: `id` or `unit`.
import-missing-field = the row has no { $what ->
        [id] id
       *[unit] responsible unit
    }
    .help = every record needs `{ $field }`; fill the cell, or delete the row if it is not a record
import-missing-date = `{ $field }` is given but `{ $needs }` is not
    .help = fill the `{ $needs }` cell of this row
import-bad-cell = the cell holds the spreadsheet error `{ $error }`
    .help = fix the formula or type the value (column for `{ $field }`)
import-bad-status = `{ $status }` is not a status rectify knows
    .help = write 已完成, 阶段性完成, 整改中 or 未启动 (completed, staged, in-progress, not-started), or translate it under `[status]` in a map file (`--map`) (column for `{ $field }`)
import-bad-date = `{ $value }` is not a date
    .help = write dates as 2023-06-30, 2023/6/30, 2023.6.30 or 2023年6月30日, or as an Excel date (column for `{ $field }`)
import-bad-date-day = `{ $value }` is not a date: month { $month } of { $year } has no day { $day }
import-bad-date-month = `{ $value }` is not a date: there is no month { $month }
import-bad-date-serial = `{ $value }` is not an Excel date
import-bad-date-years = the cell's date is outside the years rectify handles
# A map file's problems: `file` line `line`: ….
import-map-toml = `{ $file }` line { $line }: { $reason }
import-map-header-row = `{ $file }` line { $line }: `header-row` must be a row number, found `{ $found }`
    .help = rows count from 1
import-map-date-formats = `{ $file }` line { $line }: `date-formats` holds strings
    .help = write forms such as "%d/%m/%Y"
import-map-wrong-type = `{ $file }` line { $line }: `{ $key }` has the wrong type
import-map-not-a-table = `{ $file }` line { $line }: `{ $key }` must be a table (`[{ $key }]`)
import-map-unknown-key = `{ $file }` line { $line }: unknown key `{ $key }`
import-map-not-a-field = `{ $file }` line { $line }: `{ $field }` is not a field a column can fill
import-map-column = `{ $file }` line { $line }: column `{ $column }` must map to a field name
import-map-status = `{ $file }` line { $line }: status `{ $status }` must translate to a status
    .help = one of `not-started`, `in-progress`, `staged`, `completed`
import-map-default = `{ $file }` line { $line }: default `{ $field }` must be a field and a string
import-map-keys = a map file has `sheet` (text), `header-row` (a number), `date-formats` (a list of texts), and the tables `[columns]`, `[status]` and `[defaults]`
import-map-fields = fields: id, kind, title, category, round, region, responsible.unit, responsible.lead, assigned, deadline, status, stages.NAME[.end|.by|.evidence|.note], extension.to|approved_on|approved_by|reason, skip, or another field's path such as budget.yuan

# end of spreadsheet import and rule tests


## Input diagnostics: rule files

# Rule ids, field names, kinds, stages and values from a rule file arrive
# as written; keywords of the rule language stay as written in every
# language (`require`, `deadline`).

# Lists in a syntax error: `a, b or c`.
rules-list-comma = { $rest }, { $next }
rules-list-or = { $rest } or { $last }
rules-list-empty = nothing

# What the parser met, and what it expected instead.
rules-syntax-unexpected = unexpected { $found }, expected { $expected }
rules-syntax-unexpected-only = unexpected { $found }
rules-syntax-unexpected-end = unexpected end of file, expected { $expected }
    .only = unexpected end of file
rules-syntax-other = { $reason }
rules-syntax-reserved = { $found } is a reserved word and cannot be used as a name
rules-syntax-chained-comparison = comparisons do not chain: write `a < b and b < c`, or use brackets
rules-syntax-unterminated = unterminated string
    .help = close the string with `"` on the same line; write a line break as `\n`
# A run of white space the parser met, shown escaped (`"\t"`).
rules-found-space = { $token }
# A keyword, a token or a name, in backticks.
rules-word = `{ $word }`
rules-expected-end = end of file
rules-expected-file = `ruleset` or `rule`
rules-expected-declaration = a declaration (`calendar`, `deadlines on a non-working day …`, `pipeline`, `score per unit …`, `extra fields: …`)
rules-expected-item = a rule item (`title`, `cite`, `for`, `per`, `when`, `require`, `severity`, `penalty`, `reward`, `help`)
rules-expected-group-key = a record field to group by (`unit`, `round`, `region`, `category`, `kind`, `status`, `responsible.lead` or a stage's `by`)
rules-expected-roll = `move to the next workday` or `stay`
rules-expected-grade = a grade (`pass >= 90`)
rules-expected-rule-id = a rule id
rules-expected-severity = a severity (`error`, `warning`, `info`)
rules-expected-short-unit = `percentage point` or `record`
rules-expected-short-dir = `below` or `over`
rules-expected-constraint = a constraint
rules-expected-order = `before`, `after`, `on or before` or `on or after`
rules-expected-duration = a duration (`30 days`)
rules-expected-unit = a unit (`days`, `workdays`, `weeks`, `months`, `years`)
rules-expected-late-unit = a unit (`day`, `workday`, `days`, `workdays`)
rules-expected-expression = an expression
rules-expected-operator = an operator
rules-expected-name = a name
rules-expected-string = a string
rules-expected-date = a date
rules-expected-percent = a percent
rules-expected-number = a number
rules-expected-whole-number = a whole number

rules-too-deep-brackets = brackets nested more than { $max } deep
rules-too-deep-expression = expression longer than { $max } operands and operators
rules-too-deep =
    .help = split the condition into several `require` items
rules-unclosed = `{ $block }` opened at line { $line } is never closed
    .block = this block opened at line { $line } is never closed
    .help = add the missing `{"}"}` before `{ $next }` at line { $line }
    .help-end = add the missing `{"}"}` after the block's last item
rules-unmatched-brace = `{"}"}` closes no block
    .help = remove it, or look above for a block whose `{"{"}` is missing
rules-fmt-unsafe-meaning = formatting would change what the file means
rules-fmt-unsafe-parse = formatting would give a file that does not parse: { $reason }
    .no-reason = formatting would give a file that does not parse
rules-fmt-unsafe =
    .help = the file was left as it is; split the long condition into several `require` items
# The language server's answer when it cannot format a rule file.
rules-fmt-refused = cannot format the file: { $reason }
    .no-reason = cannot format the file

# Literals.
rules-bad-escape = unknown escape `{ $escape }`
    .at-end = a string cannot end with `\`
    .help = the escapes are `\"`, `\\`, `\n`, `\t` and `\u{"{"}XXXX{"}"}`
rules-bad-escape-unicode = malformed unicode escape `{ $escape }`
    .help = write a unicode escape as `\u{"{"}XXXX{"}"}` with 1 to 6 hexadecimal digits
rules-bad-escape-character = `{ $escape }` is not a unicode character
    .help = surrogates (D800 to DFFF) and values over 10FFFF are not characters
rules-bad-number-places = `{ $number }` has more than two decimal places
    .help = points are exact to two decimal places (`0.25`)
rules-bad-number-large = `{ $number }` is too large
    .help = numbers here must be below 4294967296
rules-bad-number-period = a lateness period of 0 days never ends
    .help = write `per day`, or a period of 1 or more
rules-bad-percent = `{ $percent }` is over 100%
    .help = a share is between 0% and 100%
rules-bad-date-shape = `{ $date }` is not a date
    .help = write dates as `YYYY-MM-DD`
rules-bad-date = `{ $date }` is not a valid date
    .help-days = that month has { $days } days
    .help-month = months run from 01 to 12
rules-bad-id = rule id `{ $id }` is not kebab-case
    .help = write ids in lowercase letters and digits joined by single `-`, like `plan-on-time`

# Well-formed text that is not a usable rule.
rules-internal = internal error: unexpected parse tree at `{ $text }`
    .help = please report this as a bug in rectify
rules-bad-ceiling = the ceiling { $ceiling } is below the starting score { $start }
    .help = the ceiling is the most rewards can lift a score to: write a number at or above the start
rules-bad-grades-no-threshold = grade `{ $grade }` has no threshold
    .help = only the last grade goes without one, like `fail`
rules-bad-grades-order = the threshold of grade `{ $grade }` is not below the one before
    .help = list grades from the highest threshold down
rules-bad-grades-last = the last grade `{ $grade }` has a threshold
    .help = the last grade catches every lower score: write it without `>=`
rules-missing-item = rule `{ $rule }` has no `{ $item }` item
    .help-for = say which kind of record it applies to, like `for task`
    .help-severity = add `severity error`, `severity warning` or `severity info`
    .help-require = add at least one constraint, like `require closure is present`
rules-duplicate-item = `{ $item }` is given twice in this rule
    .help = a rule has at most one of each item except `require`; remove one
rules-reward-rule-penalty = a rule has both `penalty` and `reward`
    .help = a rule either penalises (`penalty`) or rewards (`reward`): split it into two rules
rules-reward-rule-severity = a reward rule has a `severity`
    .help = a reward rule's findings are commendations, which never fail a run: remove `severity`
rules-reward-rule-group = a group rule has a `reward`
    .help = rewards are for one record's excellent work: remove `per`, or the `reward`

# The semantic check.
rules-duplicate-rule = rule `{ $rule }` is defined twice
    .first = first defined here
rules-duplicate-declaration =
    .first = first declared here
rules-duplicate-declaration-pipeline = kind `{ $kind }` has two pipelines
rules-duplicate-declaration-scoring = the scoring scheme is declared twice
rules-duplicate-declaration-field = extra field `{ $field }` is declared twice
rules-duplicate-declaration-roll = the non-working-day policy is declared twice, differently
rules-duplicate-declaration-stage = stage `{ $stage }` appears twice in the pipeline
rules-not-extra = `{ $field }` is a field of the record format, not an extra field
    .help = remove it from `extra fields`: rules and records know it already
rules-bad-unit =
    .help-calendar = declare one with `calendar "calendars/cn.yaml"`
rules-bad-unit-roll = deadlines cannot move to the next workday without a calendar
rules-bad-unit-points = points per workday need a calendar
rules-bad-unit-workdays = working days need a calendar
rules-bad-unit-period = a period of lateness must be at least 1
rules-bad-unit-percent = a percentage only applies to the share of a group rule
rules-bad-unit-share-places = `{ $percent }` has more than two decimals
rules-incomplete-floor = the floor is above the starting score
rules-incomplete-grades = grade thresholds must go down, highest first
rules-incomplete-last-grade = the last grade must have no threshold
    .help = end the list with the grade for every other score, e.g. `, fail`
rules-incomplete-require = rule `{ $rule }` has no `require`
rules-unknown-kind = no pipeline declares kind `{ $kind }`
    .help = declare it in a ruleset: `pipeline { $kind }: … -> …`
rules-penalty-too-large = `{ $points }` points is over the limit of { $max } for a penalty
    .help = a penalty figure, and a finding, cost at most { $max } points
rules-bad-reward-too-large = `{ $points }` points is over the limit of { $max } for a reward
    .help = a reward figure, and a commendation, earn at most { $max } points
rules-bad-reward-cap = the reward's cap { $cap } is below its fixed part { $fixed }
    .help = raise `at most`, or lower the fixed part of the reward
rules-bad-reward-early = rule `{ $rule }` has no deadline, so no record can be early for it
    .help = require a deadline (`closure by deadline - 30 days`), or remove the `plus … per … early` part
rules-mixed-group-per = a rule with `per` needs a `share of` or `count of` constraint
    .help = for example `require share of (closed is present) >= 95%`
rules-mixed-group = a group rule cannot also check each record
    .help = put per-record constraints in a rule of their own
rules-bad-group-twice = records are grouped by `{ $field }` twice
    .help = name each field once
rules-bad-group = records cannot be grouped by `{ $field }`
    .help = records can be grouped by `unit`, `round`, `region`, `category`, `kind`, `status`, `responsible.lead` or a stage's `by`, by an extra field the ruleset declares (`extra fields: county`), or by several at once (`per unit and region`)
    .help-suggest = { $suggest } records can be grouped by `unit`, `round`, `region`, `category`, `kind`, `status`, `responsible.lead` or a stage's `by`, by an extra field the ruleset declares (`extra fields: county`), or by several at once (`per unit and region`)
rules-unreachable-penalty = a penalty grouped per `{ $by }` reaches no unit
    .help = group `per unit and { $by }` so that each failing unit is charged, or remove the penalty to report the figure only
rules-unreachable-penalty-all = a penalty on a group rule over all records reaches no unit
    .help = group `per unit` so that each failing unit is charged, or remove the penalty to report the figure only
rules-bad-proportional-not-group = a penalty per { $unit } { $dir } needs a group rule
    .help = a record's finding has no shortfall to count: group the rule (`per unit`) with a `share of` or `count of`, or use `plus … per … late`
rules-bad-proportional-no-measure = a penalty per { $unit } { $dir } needs a `{ $measure }` constraint to measure
    .help-share = a `count of` is measured `per record`, a `share of` `per percentage point`
    .help-count = a `share of` is measured `per percentage point`, a `count of` `per record`
rules-bad-proportional-ambiguous = a penalty per { $unit } { $dir } is ambiguous: the rule has { $n } `{ $measure }` constraints
    .help = split the rule in two, one constraint each
rules-bad-proportional-no-direction = `{ $op }` has no direction to fall short in, so there is nothing to count { $dir } it
    .help = compare with `>=` or `>` and count `below`, or with `<=` or `<` and count `over`
rules-bad-proportional-minimum = `{ $op }` sets a minimum, so a failing group is below it, never { $dir }
rules-bad-proportional-maximum = `{ $op }` sets a maximum, so a failing group is over it, never { $dir }
rules-bad-proportional-direction =
    .help = write `per { $unit } { $word }`
rules-bad-verdict-outside = `{ $verdict }` only counts inside `share of` or `count of`
    .help = count it in a group rule: `require share of ({ $verdict }) >= 95%`
rules-bad-verdict-unknown = no rule `{ $rule }` is loaded
    .help = name a rule of the loaded rule files
rules-bad-verdict-group = rule `{ $rule }` does not judge one record at a time, so it has no verdict on a record
    .help = name a per-record rule (not a group or reward rule)
rules-bad-verdict-kind = rule `{ $rule }` is for `{ $kind }`, not `{ $expected }`
    .help = a group rule counts verdicts on its own kind of record
rules-bad-verdict-deadline = a deadline only counts as a condition inside `share of` or `count of`
rules-bad-each = cannot take `each` over `{ $list }`
    .help = `each extension:` checks every extension of the record
rules-unknown-stage = `{ $stage }` is not a stage of `{ $kind }`
    .help = the stages of `{ $kind }` are { $stages }
rules-unknown-field = unknown field `{ $field }`
    .help-declare = { $suggest } or, if records have it, declare it in the ruleset with `extra fields: { $path }`
rules-unknown-field-responsible = `responsible` has no field `{ $field }`
    .help = use `responsible.unit` or `responsible.lead`; or, if records have it, declare it in the ruleset with `extra fields: { $path }`
rules-unknown-field-stage = a stage has no field `{ $field }`
    .help = the fields of a stage are { $fields }
rules-unknown-field-leaf = `{ $parent }` has no field `{ $field }`
rules-unknown-field-extended = `extended deadline` only has a meaning inside `each extension:`
# What a value is, in a type mismatch.
rules-type = { $type ->
    [date] a date
    [text] text
    [number] a number
    [condition] a condition
    [list] a list
   *[value] a value
}
rules-type-mismatch = expected { $expected }, found { $found } in `{ $expr }`
rules-type-compare = cannot compare { $left } with { $right }
rules-type-presence = `{ $expr }` is not a field, so it cannot be present or missing
rules-type-number = `{ $number }` is not a number
rules-bad-regex = invalid pattern: { $reason }
    .no-reason = invalid pattern

# Warnings.
rules-unused-kind = no rule applies to kind `{ $kind }`
    .help = add a rule with `for { $kind }`, or remove the pipeline if no record is of this kind
rules-unused-calendar = calendar `{ $calendar }` is never used
    .help = no rule counts workdays and deadlines do not move to the next workday; remove the calendar or use it
rules-unused-scoring = the scoring scheme is never used: no rule has a penalty
    .help = give the rules penalties (`penalty 1 point`), or remove the scoring scheme
rules-unrolled-date = this comparison does not move a due date on a non-working day to the next workday, as the ruleset's deadlines do
    .help = write the time limit as a deadline constraint (`require closure by deadline`), or count its verdict (`share of (passes closed-by-deadline)`)
rules-unknown-kind-value = no pipeline declares kind `{ $kind }`, so this comparison never matches a record
    .help = the declared kinds are { $kinds }
rules-lateness-without-deadline = rule `{ $rule }` has no deadline, so this part of its penalty never applies
    .help = points per day late need a `require STAGE within … after …` or `require STAGE by …`; remove the `plus … late` part or add a deadline
rules-duplicate-constraints = rule `{ $rule }` requires the same as rule `{ $first }`
    .help = every record would get both findings or neither; remove one rule or make them differ
    .first = rule `{ $rule }` is here
rules-undeclared-field = `{ $path }` is not a field of the record format
    .help = if records have it, declare it in the ruleset with `extra fields: { $path }`; otherwise check its spelling

# A rule's title or help in one language: `title zh-CN "…"`.
rules-unknown-language = rectify has no language `{ $tag }`
    .help = write `en` or `zh-CN`, or leave the text without a language to show it in every language
rules-duplicate-variant = `{ $item } { $tag }` is given twice in this rule
    .first = the first `{ $item }` for `{ $lang }`
    .help = a rule has at most one `{ $item }` per language; remove one
rules-missing-written = rule `{ $rule }` has `{ $item } { $tag }` but no `{ $item }`
    .help = write the text as written with `{ $item } "…"`: it is shown in every language without a variant of its own

# The editor's note on a record file when the rules do not check.
rules-not-checked = records are not checked: the rules do not check
    .help = see the diagnostics in the rule files (`rectify rules check`)
# end of rule files


## Input diagnostics: calendars, configuration, waivers, units and files

# Why a file could not be read: `why` names the reason; `reason` is the
# operating system's own words, for a reason rectify has no words for.
input-reason = { $why ->
    [not-found] no such file or directory
    [permission-denied] permission denied
    [is-a-directory] is a directory
    [not-a-directory] not a directory
    [folder] is a folder, not a file
    [not-regular] is not a regular file
    [too-large] file is { $size } bytes, over the limit of { $limit }
    [over-limit] file is more than { $limit } bytes, over the limit of { $limit }
    [not-utf8] file is not valid UTF-8 (byte { $at })
    [not-in-bundle] the bundle has no such calendar
   *[other] { $reason }
}

# Holiday calendar files (`calendar::`). A part of the file, by `part`.
calendar-part = { $part ->
    [year] year
    [source] source
    [holiday] holiday
    [workday] make-up workday
   *[calendar] calendar
}
calendar-documents-empty = the calendar file is empty
calendar-documents-many = a calendar file holds one YAML document
calendar-wrong-type = expected { $expected ->
    [weekdays] a list of weekdays
    [weekday] a weekday
    [years] a mapping of years
    [text] text
    [list] a list
   *[mapping] a { calendar-part } mapping
}, found { $found ->
    [nothing] nothing
    [boolean] a boolean
    [number] a number
    [string] a string
    [list] a list
   *[mapping] a mapping
}
calendar-unknown-key = unknown key `{ $key }` in a { calendar-part }
    .help = a { calendar-part } has { $keys }
calendar-duplicate-key = `{ $key }` is given twice
calendar-missing-key = missing `{ $key }`
calendar-missing-key-years = the calendar has no `years`
calendar-missing-key-no-year = `years` lists no year
calendar-missing-key-date = a holiday needs either `date` or both `from` and `to`
calendar-bad-date = `{ $text }` is not a valid date (expected `YYYY-MM-DD`)
calendar-bad-year = `{ $text }` is not a year
calendar-bad-year-span = the years { $first }..={ $last } span more than { $max } years
calendar-duplicate-year = year `{ $year }` is listed twice
calendar-missing-year = `years` covers { $first }..={ $last } but lacks { $missing }
calendar-missing-source = year `{ $year }` has no `source` citing its notice
calendar-missing-source-empty = the `source` is empty
calendar-wrong-year = `{ $date }` is listed under { $year }; it belongs to { $before } or { $year }
calendar-bad-range-reversed = the holiday runs from `{ $from }` to the earlier `{ $to }`
calendar-bad-range-long = the holiday from `{ $from }` to `{ $to }` is longer than a year
# A day of the week, by its English name in lower case.
calendar-weekday = { $weekday ->
    [monday] monday
    [tuesday] tuesday
    [wednesday] wednesday
    [thursday] thursday
    [friday] friday
    [saturday] saturday
   *[sunday] sunday
}
calendar-workday-not-weekend = make-up workday `{ $date }` is a { calendar-weekday }, not a weekend day
calendar-holiday-and-workday = `{ $date }` is both a holiday (`{ $name }`) and a make-up workday
calendar-duplicate-day = `{ $date }` is listed twice as a { $what ->
    [holiday] holiday
   *[workday] make-up workday
} (`{ $first }` and `{ $second }`)
calendar-bad-weekday = `{ $text }` is not a day of the week
# Why the days of a calendar do not make one calendar, by `fault`.
calendar-build-problem = { $fault ->
    [no-year] calendar `{ $name }` covers no year ({ $first } is after { $last })
    [too-many-years] calendar `{ $name }` covers { $first }..={ $last }, more than { $max } years
    [unsupported-years] calendar `{ $name }` covers { $first }..={ $last }, outside the supported years
    [workday-not-weekend] make-up workday `{ $date }` for `{ $name }` is a { calendar-weekday }, not a weekend day
   *[holiday-and-workday] `{ $date }` is both a holiday (`{ $holiday }`) and a make-up workday (for `{ $name }`)
}
# Why calendars do not merge into one, by `problem`.
calendar-merge-problem = { $problem ->
    [none] no calendar to merge
    [weekends] calendars `{ $first }` and `{ $other }` have different weekends
    [gap] no calendar covers { $from }..={ $to } (between the calendars merged)
   *[build] cannot merge calendars: { calendar-build-problem }
}


# Rule files and the calendars they declare, as a whole (`rules::`).
rules-none = no rule files found
rules-unreadable = cannot read rule file: { input-reason }
rules-unreadable-missing = no such rule file or folder
rules-calendar-unreadable = cannot read calendar `{ $path }`: { input-reason }
    .help-suggest = { $suggest } (paths are relative to the rule file)
    .help-none = no calendar file is beside the rule file or in a `calendars/` folder near it; `rectify init` writes the bundled calendar of China's official holidays to `rules/calendars/cn.yaml`
    .help-nearby = calendars beside the rule file: { $calendars }{ $more ->
        [0] {""}
       *[other] , …
    } (paths are relative to the rule file)
rules-calendar-unreadable-resolved = cannot read calendar `{ $path }` (resolved to `{ $resolved }`): { input-reason }
rules-calendar-disagree = calendars do not agree: { calendar-merge-problem }

# Files and folders as a whole (`input::`).
input-unreadable = cannot read file: { input-reason }
# A path named on the command line or met while walking.
input-unreadable-path = cannot read: { input-reason }
input-bad-glob = invalid glob: { $reason }
input-ignore-file = ignore file not fully applied: { $reason }
input-symlink = skipped: symbolic links are not followed
input-not-regular = skipped: not a regular file (a FIFO, socket or device is never read)

# Waivers, in records and in waiver files (`waiver::`). `named` says
# whether the waiver names a rule (`rule`).
waiver-subject = { $named ->
    [yes] waiver for `{ $rule }`
   *[no] waiver
}
waiver-unreadable = cannot read waiver file: { input-reason }
waiver-bad-file = expected `waivers:` with a list of waivers
    .list = expected a list of waivers
waiver-bad-waiver-mapping = a waiver must be a mapping
waiver-bad-waiver-key = unknown key `{ $key }` in a waiver
waiver-bad-waiver-text = expected text
waiver-bad-waiver-date = `{ $text }` is not a valid date
    .not-text = expected a date
    .help = write dates as YYYY-MM-DD, e.g. 2024-12-31
# `keys`: the keys a waiver lacks, as a list.
waiver-incomplete = { waiver-subject } has no { $keys }, so it waives nothing
    .help-reason = say why the finding is waived, e.g. the approval that allows it
    .help-approved-by = name who approved the waiver
    .help-until = add `until: YYYY-MM-DD`, the last day the waiver holds
waiver-incomplete-empty = { waiver-subject } has an empty `{ $key }`, so it waives nothing
waiver-unknown-rule = waiver names `{ $rule }`, which is not a loaded rule
waiver-expired = waiver for `{ $rule }` expired on { $until }
waiver-unmatched = waiver for `{ $rule }` matches no finding
    .help-group = `{ $rule }` judges a group of records, not one: waive its finding in a waiver file (`--waivers`), by the group
    .help-grouping = `{ $rule }` groups records per { $by }: name { $wanted } instead of { $named }

# Responsible units (`unit::`).
unit-unknown = unknown unit `{ $name }`
    .help = every responsible unit must be declared in the unit registry (`[units]` in rectify.toml), by its name or an alias

waiver-inline-denied = waivers written in a record are not accepted
    .help = a unit cannot waive its own findings here (`waivers.inline = "deny"` in rectify.toml): ask an approver for an entry in a waiver file passed with `--waivers`
waiver-not-an-approver = `{ $name }` is not an approver of waivers
    .help = waivers may be approved by { $approvers } (`waivers.approvers` in rectify.toml)
    .help-suggest = { $suggest } waivers may be approved by { $approvers } (`waivers.approvers` in rectify.toml)
waiver-too-long = waiver runs until { $until }, more than { $days } days after { $as-of }
    .help = a waiver may run at most { $days } days after the evaluation date (`waivers.max-days` in rectify.toml); renew it when it ends
unit-lookalike = unit `{ $name }` is another spelling of `{ $first }`
    .first = first written `{ $first }` here
    .help = both are scored as one unit, `{ $shown }`{ $declared ->
        [yes] {" "}(the name the unit registry declares)
       *[no] {""}
    }; write its name the same way everywhere
unit-lookalike-registry = unit `{ $name }` is not written as the unit registry declares it
unit-conflict = unit name `{ $name }` is declared for both `{ $first }` and `{ $second }`
    .help = a name, however it is spelt, may belong to one unit only (`[units]` in rectify.toml)

# Records as a whole run sees them (`record::`).
record-duplicate-id = record id `{ $id }` is used twice
    .first = first used here
    .help = ids must be unique across every file checked
record-future-date = `{ $stage }` is dated { $date }, after the evaluation date { $as-of }
    .help = a stage dated after the evaluation date is not known yet on that day: it counts as not recorded; correct the date, or check with a later `--as-of`
record-future-date-extension = extension approved on { $date }, after the evaluation date { $as-of }
    .help = an extension approved after the evaluation date is not known yet on that day: it does not extend the deadline; correct the date, or check with a later `--as-of`

# The calendars' edge (`calendar::not-covered`, `calendar::near-end`).
calendar-not-covered = calendar { $files } does not cover { $year }: the rules that needed it cannot check those records
    .help = { $bundled ->
        [yes] the bundled calendar cannot be edited: copy `rules/` from the rectify repository, add
       *[no] add
    } { $year } to the calendar once the State Council publishes its holiday notice for { $year }{ $bundled ->
        [yes] {" "}and check with `--rules`
       *[no] {""}
    } (docs/calendars.md says how); never guess the holidays
calendar-near-end = calendar { $files } ends on { $last }, { $after ->
    [yes] { $left } days after the evaluation date { $as-of }
   *[no] before the evaluation date { $as-of }
}

# Paths a rule reads that no record has (`rules::field-in-no-record`).
rules-field-in-no-record = no record has `{ $path }`, but records have { $spellings }
    .help = a condition on `{ $path }` never holds on these records; correct the spelling in the rule, or in the records

# Command-line choices (`cli::`).
cli-unknown-rule = no rule `{ $id }` is loaded


# rectify.toml (`config::`).
config-unreadable = error: cannot read the configuration `{ $name }`: { input-reason }
config-errors = error: `{ $name }` has { $n ->
    [one] { $n } error
   *[other] { $n } errors
}; nothing was run
config-syntax = invalid TOML: { $reason }
# What a key's value should be, by `expected`.
config-expected = { $expected ->
    [units] a table of unit names and their aliases
    [paths] a path or an array of paths
    [path] a non-empty path
    [one-of] one of { $allowed }
    [whole] a whole number from { $min } to { $max }
    [boolean] `true` or `false`
    [date] a date of the form YYYY-MM-DD
    [names] an array of names
    [name] a non-empty name
   *[aliases] an array of aliases (`[]` for none)
}
# What was found instead, by `found`; `value` as written.
config-found = { $found ->
    [string] the string `{ $value }`
    [number] the number `{ $value }`
    [decimal] a decimal number
    [array] an array
    [table] a table
   *[value] `{ $value }`
}
config-invalid-value = `{ $key }` must be { config-expected }, found { config-found }
config-invalid-value-empty-unit = a unit name in `[units]` must not be empty
config-unknown-key = unknown key `{ $key }`{ $in-table ->
    [yes] {" "}in `[{ $table }]`
   *[no] {""}
}
    .help = the keys rectify knows here are { $keys }
config-invalid-glob = `{ $text }` in `{ $key }` is not a valid glob: { $reason }
config-duplicate-name = `{ $name }` is listed twice in `{ $key }`
    .first = first listed here
config-duplicate-unit = unit name `{ $name }` is given twice in `[units]`
    .first = first given here
    .help = a name may belong to one unit only

# The record ids a long run kept in a temporary file could not be read back.
record-ids-unchecked = cannot compare record ids for duplicates: { $reason }
    .help = the ids were kept in a temporary file that could not be read back; check the temporary folder (`TMPDIR`) and run again
# end of calendars, configuration, waivers, units and files



## Commands
# The commands' own lines on stderr: `error: …` and the advice under it.
cli-error = error: { $message }
cli-help = help: { $help }
cli-note = note: { $note }
cli-binary-to-terminal = an xlsx workbook is binary and stdout is a terminal
    .help = write it to a file with `--output FILE`
cli-output-is-input = `{ $file }` is `{ $input }`, an input of this run; nothing was written
    .help = write the report to another file
cli-cannot-write-file = cannot write `{ $file }`: { $reason }
cli-cannot-write-report = cannot write the report: { $reason }
# The spinner while a run takes more than a second.
cli-spinner-check = checking records
cli-spinner-earliest = finding the earliest assigned date
cli-spinner-history = checking records at each period end
cli-spinner-diff = checking records on both days
cli-all-excluded = every file named was excluded (--force-exclude); nothing to check
# `error: the results cannot be trusted: 3 input errors`.
cli-untrusted = the results cannot be trusted: { $reason }
cli-untrusted-no-rules = no rules were loaded
cli-untrusted-no-records = no records were found
cli-untrusted-input-errors = { $n ->
    [one] 1 input error
   *[other] { $n } input errors
}
# `rectify test`.
cli-test-cannot-write = cannot write the results: { $reason }
cli-test-coverage-low = { $percent }% of the rules fired, below --coverage-min { $min }
cli-test-no-case = no test case found
cli-test-missing = `{ $path }`: no such test file or folder
cli-test-unreadable = `{ $file }`: { $reason }
# `rectify explain`.
cli-warning = warning: { $message }
cli-explain-no-rule = no rule `{ $rule }` is loaded
cli-explain-nothing-named = name a record id, or a group with --unit, --round, --kind or --group
cli-explain-no-record = no record `{ $record }` in { $files } record { $files ->
    [one] file
   *[other] files
}
cli-explain-duplicate = record id `{ $record }` is also defined at { $place }; explaining the first
cli-explain-cannot-write = cannot write the explanation: { $reason }
cli-explain-not-group = rule `{ $rule }` is not a group rule
    .help = name a record: `rectify explain { $rule } RECORD-ID`
cli-explain-not-grouped-by = rule `{ $rule }` does not group records per { $names }
cli-explain-one-group = it judges all records as one group: name a record of it
cli-explain-grouped-by = it groups records per { $by }: use { $flags }
cli-explain-no-group-records = no `{ $kind }` records of { $group } in { $files } record { $files ->
    [one] file
   *[other] files
}
# `rectify init` and `rectify import`.
cli-wrote = wrote { $file }
cli-init-exists = `{ $file }` already exists
    .help = pass --force to overwrite it; nothing was written
cli-import-problems = { $n } { $n ->
    [one] problem
   *[other] problems
} in `{ $ledger }`; nothing was written
cli-import-no-rows = `{ $ledger }` has no rows below its heading row; nothing was written
cli-import-done = imported { $records } { $records ->
    [one] record
   *[other] records
} into { $files } { $files ->
    [one] file
   *[other] files
} in `{ $folder }`
cli-import-exists = { $files } { $n ->
    [one] already exists
   *[other] already exist
}; nothing was written
    .help = pass --force to overwrite, or --out another folder
cli-import-cannot-make = cannot make `{ $file }`: { $reason }
# `rectify fmt` and `rectify rules doc`.
cli-fmt-no-files = no rule files given, and `rules` is not set in rectify.toml
    .help = name the files or folders, or run `rectify init --rules` to copy the bundled rules
cli-fmt-empty-folder = no rule files (`*.rules`) in `{ $folder }`
cli-cannot-read-stdin = cannot read stdin: { $reason }
cli-cannot-write-stdout = cannot write stdout: { $reason }
cli-cannot-read-file = cannot read `{ $file }`: { $reason }
cli-cannot-create-folder = cannot create `{ $folder }`: { $reason }
cli-doc-does-not-parse = `{ $file }` does not parse; no page was written
cli-doc-wrote = wrote { $pages } pages to { $folder }
# Notes on stderr, and where a setting came from (`rectify config`).
cli-note-rules = rules: { $rules }
cli-note-skipped = skipped `{ $file }`: { $why }
cli-rules-bundled = the bundled rule set
cli-rules-from = { $names } (from { $from })
cli-from =
    .default = default
    .command-line = command line
    .locale = the locale
cli-from-environment = environment ({ $what })
cli-from-beside-tests = the *.rules in the folder above the tests
cli-rules-do-not-load = the rules do not load
    .no-test = the rules do not load, so no test ran
# The command line's own refusals (before or beside a project).
cli-cannot-read-cwd = cannot read the working folder: { $reason }
cli-cannot-enter-root = cannot work from the project root `{ $root }`: { $reason }
cli-rectify-lang = RECTIFY_LANG: { $message }
cli-unknown-lang = rectify has no messages in `{ $name }`; it speaks { $known }
cli-arg-report-shape = expected FORMAT=FILE, found `{ $found }`
cli-arg-report-format = unknown format `{ $name }`; expected one of { $names }
cli-arg-report-no-file = no file after `{ $name }=`
cli-arg-jobs-number = expected a number of threads, found `{ $found }`
cli-arg-jobs-range = `{ $n }` is not between 1 and { $max } ({ $per-core } per core)
cli-arg-date-shape = expected a date of the form YYYY-MM-DD, found `{ $found }`
cli-arg-date-invalid = `{ $found }` is not a date in the calendar
cli-arg-percent = expected a percentage, found `{ $found }`
cli-arg-percent-range = `{ $found }` is not between 0 and 100
cli-arg-group = expected FIELD=VALUE, like `region=Jiangsu/Wuxi`, not `{ $found }`
cli-cannot-write-schema = cannot write the schema: { $reason }
cli-cannot-write-completions = cannot write the completion script: { $reason }
# `rectify config`: where the root is and why, and the settings' values
# that are words (the keys and the values as written stay).
cli-root-from =
    .config = the folder of the configuration file
    .git = the root of the git repository
    .cwd = the working folder (no rectify.toml, no git repository)
cli-config-root = project root: { $root } ({ $from })
cli-config-file = configuration: { $file }
cli-config-rule-set = rule set: { $rules }
cli-config-record-files = record files ({ $n }):
cli-config-skipped = skipped { $file }: { $why }
cli-config-units = { $n } declared
cli-config-value =
    .none = none
    .bundled = bundled
    .today = today
    .one-per-core = one per core
    .any = any
# Why rectify will not write an output file.
cli-output-dangling-link = it is a symbolic link to a file that does not exist
cli-output-not-a-file-name = not a file name
cli-output-read-only = the file is read-only
cli-output-owner = the file belongs to user { $user } group { $group }, which a replacement could not keep
# `rectify codes`.
cli-codes-unknown = no diagnostic code or namespace `{ $code }`
cli-codes-list-help = `rectify codes` lists every code
cli-cannot-write-codes = cannot write the codes: { $reason }
# A severity as people read it (markdown and JUnit text; machine fields keep the English key).
severity = { $severity ->
    [error] error
    [warning] warning
    [info] info
   *[commendation] commendation
}
# `check --format markdown`: `## rectify: 3 errors, 1 waived`, the line
# under it and its tables' column headings (by their English names).
markdown-title = rectify: { $headline }
markdown-no-findings = no findings
markdown-waived = { COUNT($n) } waived
markdown-scope = As of { $date }: { $records } records in { $files } files.
markdown-heading =
    .scoreboard = Unit scoreboard
    .findings = Findings
    .inputs = Input diagnostics
markdown-column =
    .errors = errors
    .warnings = warnings
    .infos = infos
    .waived = waived
    .pending = pending
    .points = points
    .commendations = commendations
    .reward = reward
    .location = location
    .record = record
    .rule = rule
    .severity = severity
    .message = message
    .code = code
markdown-waived-severity = { $severity } (waived, { $note })
markdown-with-help = { $message }; help: { $help }
# `check --format github`: the title of a waived finding's notice, and the
# summary line after the annotations.
github-waived-title = { $rule } (waived): { $subject }
github-summary = rectify: { $errors }, { $warnings }, { $infos }, { $waived } waived, { $pending } pending; penalty { $penalty }
# `check --format junit`: the passing case of a rule (`12 records pass`),
# by what the rule judges, and a unit's records without any finding.
junit-thing =
    .record = record
    .unit = unit
    .round = round
    .kind = kind
    .region = region
    .category = category
    .status = status
    .group = group
junit-things =
    .record = records
    .unit = units
    .round = rounds
    .kind = kinds
    .region = regions
    .category = categories
    .status = statuses
    .group = groups
junit-passes = { $n ->
    [0] no { $thing } to check
    [one] 1 { $thing } passes
   *[other] { $n } { $things } pass
}
junit-unit-records = { $unit }: { $clean } of { $records } records pass every rule
# A finding below `--fail-on`, in a passing case's output.
junit-noted = { $severity }: { $body }
# SARIF's description of a code the registry lacks (never expected).
sarif-input-rule = input diagnostic `{ $code }`
# clap's own words in `--help` (English keeps clap's).
cli-help-heading =
    .commands = Commands
    .options = Options
    .arguments = Arguments
cli-help-usage = Usage: { $usage }
cli-help-flag =
    .help = Print help
    .version = Print version
# `--help`: each command's about (`help-check`, `help-rules-check`), its
# arguments' help as attributes (`.as-of`); `help-rectify` is the top
# level. The English texts are the clap definitions' doc comments, word
# for word (a test compares them).

help-rectify = Check environmental-inspection rectification records against rules
    .lang = The language of messages, summaries and reports: `en` or `zh-CN` (else RECTIFY_LANG, `lang` in rectify.toml, the locale, English)
    .config = Use this configuration file instead of the nearest rectify.toml
    .no-config = Ignore every rectify.toml: command-line flags and defaults only
help-check = Check records against rules and report findings, scores and progress
    .paths = Record files or folders (walked for *.yaml, *.yml) [default: `records` in rectify.toml, else .]
    .rules = A rule file or folder of *.rules; repeatable [default: `rules` in rectify.toml, else the bundled rule set]
    .as-of = The evaluation date, YYYY-MM-DD [default: `as-of` in rectify.toml, else today, local time]
    .format = Output format [default: `format` in rectify.toml, else github when GITHUB_ACTIONS=true, else human]
    .output = Write the report to FILE instead of stdout (atomically)
    .reports = Also write the report in FORMAT to FILE (atomically); repeatable, e.g. `--report sarif=rectify.sarif --report json=rectify.json`
    .fail-on = Exit 1 when a finding at or above this severity is not waived [default: error]
    .only = Check only this rule; repeatable
    .skip = Do not check this rule; repeatable
    .jobs = Worker threads, at most 4 per core [default: one per core]
    .color = When to colour the output
    .due-within = List the stages that fall due within DAYS of the evaluation date (at most 36500, a hundred years)
    .waivers = A waiver file (rule, record, reason, until, approved_by); repeatable
    .max-file-size = Refuse record files larger than BYTES [default: 64 MiB]
    .hidden = Walk hidden files and folders too
    .no-ignore = Do not honour .gitignore and .ignore files (nor `respect-gitignore`)
    .force-exclude = Skip files named on the command line that lie outside the configured `records` or inside `exclude` (for pre-commit's file lists)
help-report = The progress disclosure and unit scoreboard: tasks completed and overdue, petitions closed, per round and per unit; what falls due soon
    .paths = Record files or folders (walked for *.yaml, *.yml) [default: `records` in rectify.toml, else .]
    .rules = A rule file or folder of *.rules; repeatable [default: `rules` in rectify.toml, else the bundled rule set]
    .as-of = The evaluation date, YYYY-MM-DD [default: `as-of` in rectify.toml, else today, local time]
    .due-within = List the stages that fall due within DAYS of the evaluation date (at most 36500, a hundred years) [default: 30]
    .waivers = A waiver file (rule, record, reason, until, approved_by); repeatable
    .format = Output form
    .output = Write the report to FILE instead of stdout (atomically)
    .jobs = Worker threads, at most 4 per core [default: one per core]
    .color = When to colour the output (the table has none; accepted for symmetry)
    .hidden = Walk hidden files and folders too
    .no-ignore = Do not honour .gitignore and .ignore files (nor `respect-gitignore`)
    .force-exclude = Skip files named on the command line that lie outside the configured `records` or inside `exclude` (for pre-commit's file lists)
    .history = Progress at each period end instead: as `check --as-of` would have given it on that day, from the stage dates
    .from = The first day of the history (its first period is the one holding it) [default: the earliest `assigned` of the records]
    .to = The last day of the history [default: the evaluation date]
help-schema = Print the JSON Schema of the record format (for editors)
help-rules = Work with rule files: check them without records, generate their docs
help-rules-check = Parse and check rule files without records; errors and warnings with their places
    .paths = Rule files or folders (walked for *.rules) [default: `rules` in rectify.toml, else the bundled set]
    .deny = Treat warnings as failures: exit 1 when there are any
    .format = Output format
    .color = When to colour the output
    .as-of = The evaluation date, YYYY-MM-DD: warn when the calendars end within 60 days of it [default: today, local time]
help-rules-doc = Write a Markdown reference page per rule, and an index page
    .paths = Rule files or folders (walked for *.rules) [default: `rules` in rectify.toml, else the bundled set]
    .output = The folder to write the pages into
help-fmt = Rewrite rule files in place in the one canonical layout, keeping every comment (`--check`: change nothing, show the diff)
    .paths = Rule files or folders (walked for *.rules); `-` reads stdin and writes stdout [default: `rules` in rectify.toml]
    .check = Change nothing: print a unified diff of each file that is not formatted, and exit 1
help-test = Run rule tests: records, an evaluation date and the findings expected
    .paths = Test files, or folders walked for *.yaml [default: FOLDER/tests of `rules` in rectify.toml, else rules/tests]
    .rules = A rule file or folder of *.rules; repeatable [default: `rules` in rectify.toml, else the *.rules beside the tests folder, else the bundled set]
    .coverage-min = Fail (exit 1) when fewer than PERCENT of the rules fired in some case
    .format = Output format
help-explain = Show how one rule's verdict on one record (or a group rule's on one group) was derived, step by step
    .rule = The rule id, like `plan-on-time`
    .record = The record id, like `JS-2022-R2-07` (not with --unit, --round, --kind or --group)
    .paths = Record files or folders to search (walked for *.yaml, *.yml) [default: .]
    .unit = Explain a group rule on this unit's records (a rule `per unit`, `per unit and …`)
    .round = Explain a group rule on this round's records (a rule `per round`, `per unit and round`)
    .kind = Explain a group rule on this kind's records (a rule `per kind`)
    .group = Explain a group rule on the group with this value of a field it groups by, like `region=Jiangsu/Wuxi`; repeatable, one per field
    .rules = A rule file or folder of *.rules; repeatable [default: `rules` in rectify.toml, else the bundled rule set]
    .as-of = The evaluation date, YYYY-MM-DD [default: `as-of` in rectify.toml, else today, local time]
    .hidden = Walk hidden files and folders too
    .no-ignore = Do not honour .gitignore and .ignore files (nor `respect-gitignore`)
    .force-exclude = Skip files named on the command line that lie outside the configured `records` or inside `exclude` (for pre-commit's file lists)
help-config = Show the resolved settings (rectify.toml, flags, defaults) and where each came from
    .format = Output form
    .files = Also list the record files a check would read, and the files skipped on purpose
    .paths = Record files or folders, as `check` takes them
    .rules = A rule file or folder, as `check` takes it; repeatable
    .waivers = A waiver file, as `check` takes it; repeatable
    .fail-on = As `check --fail-on`
    .as-of = As `check --as-of`
    .due-within = As `check --due-within`
    .jobs = As `check --jobs`
    .max-file-size = As `check --max-file-size`
    .hidden = Walk hidden files and folders too
    .no-ignore = Do not honour .gitignore and .ignore files (nor `respect-gitignore`)
    .force-exclude = Skip files named on the command line that lie outside the configured `records` or inside `exclude` (for pre-commit's file lists)
help-diff = What changed between the check on one day and on a later one: new findings, resolved findings, each unit's score
    .paths = Record files or folders (walked for *.yaml, *.yml) [default: `records` in rectify.toml, else .]
    .rules = A rule file or folder of *.rules; repeatable [default: `rules` in rectify.toml, else the bundled rule set]
    .from = The earlier day, YYYY-MM-DD
    .to = The later day [default: the evaluation date: `as-of` in rectify.toml, else today]
    .format = Output format
    .output = Write the report to FILE instead of stdout (atomically)
    .exit-code = Exit 1 when there are new findings (as `git diff --exit-code`)
    .waivers = A waiver file (rule, record, reason, until, approved_by); repeatable
    .jobs = Worker threads, at most 4 per core [default: one per core]
    .color = When to colour the output (the tables have none; accepted for symmetry)
    .hidden = Walk hidden files and folders too
    .no-ignore = Do not honour .gitignore and .ignore files (nor `respect-gitignore`)
    .force-exclude = Skip files named on the command line that lie outside the configured `records` or inside `exclude` (for pre-commit's file lists)
help-import = Read a spreadsheet ledger (.xlsx, .csv) into record files, one ledger file per responsible unit
    .ledger = The ledger: an Excel workbook (.xlsx) or a CSV file (UTF-8)
    .map = A map file (TOML) for headings, statuses and date forms the presets do not know
    .out = The folder to write the record files into (made when missing)
    .force = Overwrite record files that already exist
    .max-file-size = Refuse a ledger or map file larger than BYTES [default: 64 MiB]
help-lsp = A language server for rule files and record files, over stdin and stdout
    .as-of = The evaluation date, YYYY-MM-DD [default: `as-of` in rectify.toml, else today, local time]
    .stdio = Talk over stdin and stdout (the only transport; accepted because editors pass it)
help-init = Write a commented rectify.toml here (and with --rules a copy of the bundled rules)
    .rules = Also copy the bundled rules, calendar and rule tests into rules/
    .force = Overwrite files that already exist
help-codes = List the diagnostic codes with their descriptions, or describe one code
    .code = A code (`record::bad-date`) or a namespace (`record`); every code when omitted
    .format = Output form
help-completions = Print a shell completion script
    .shell = The shell to complete for
# end of Commands

## Code descriptions
# `rectify codes`, SARIF rule entries and the editor describe each
# diagnostic code in one line (src/diag/codes.rs lists the codes;
# docs/codes.md gives the same English text).
# What each namespace of codes covers.
code-namespace-rules = rule files
code-namespace-record = record files
code-namespace-yaml = YAML text
code-namespace-input = files as a whole
code-namespace-calendar = holiday calendars
code-namespace-config = `rectify.toml`
code-namespace-unit = responsible units
code-namespace-waiver = waivers
code-namespace-import = spreadsheet import
code-namespace-test = rule-test files
code-namespace-cli = the command line
# One line per code.
code-rules-none = no rule file was found where the rules were looked for
code-rules-unreadable = a rule file or folder that does not exist or cannot be read
code-rules-syntax = the text does not follow the grammar; every error of a file is reported, one per top-level block
code-rules-unclosed = a `{"{"}` whose block is never closed, at the `{"{"}`
code-rules-unmatched-brace = a `{"}"}` that closes no block
code-rules-too-deep = brackets nested more than 32 deep, or an expression of more than 256 operands and operators
code-rules-bad-number = a number the grammar reads but that has no value (too many decimals, too large)
code-rules-bad-percent = a percentage over 100% or with too many decimals
code-rules-bad-date = a date literal naming no day
code-rules-bad-escape = an escape in a string other than `\"`, `\\`, `\n`, `\t`
code-rules-bad-id = a rule id that is not kebab-case
code-rules-bad-grades = grades whose thresholds do not decrease, or a last grade with a threshold
code-rules-bad-ceiling = a scoring scheme whose `at most` is below its start
code-rules-duplicate-item = a rule item that may appear once appears twice, or a title's or help's language variant twice, or a grade's title in one language twice
code-rules-missing-item = a rule without `for`, `severity` (or `reward`) or any `require`, or a language variant without the text as written
code-rules-unknown-language = a `title` or `help` variant, or a grade's `title`, for a language rectify does not speak (`en`, `zh-CN`)
code-rules-reward-rule = a rule with both `penalty` and `reward`, a `severity` beside a `reward`, or a group rule with a `reward`
code-rules-fmt-unsafe = `rectify fmt` would write a layout that does not parse back to the same rules, so it writes nothing
code-rules-internal = the parser produced a tree rectify did not expect
code-rules-calendar = a declared calendar cannot be read (the path as resolved, relative to the rule file, and the calendars nearby), or two calendars disagree
code-rules-unknown-kind = `for` names a kind no pipeline declares
code-rules-unknown-stage = a stage not in the pipeline of the rule's kind
code-rules-unknown-field = a field path one or two edits from a known field, or a sub-field that does not exist; help says how to declare it when records really have it
code-rules-not-extra = `extra fields` names a field the record format defines
code-rules-duplicate-rule = two rules with the same id, in any of the loaded files
code-rules-duplicate-declaration = two pipelines for one kind, two scoring schemes, a stage twice in a pipeline, two different roll-forward policies, an extra field declared twice
code-rules-bad-unit = a unit that cannot apply where it is used: workdays without a calendar, moving deadlines without one, a percentage outside a group rule
code-rules-type-mismatch = operands that cannot be compared or combined
code-rules-bad-regex = a `matches` pattern that is not a valid linear-time regular expression
code-rules-incomplete = a rule without `require`, a scoring scheme that cannot work
code-rules-bad-each = `each` over something that is not a list of the record
code-rules-penalty-too-large = a penalty figure over 10,000 points
code-rules-bad-reward = a reward figure over 10,000 points, a fixed part over its own `at most`, or points per period early on a rule with no deadline
code-rules-mixed-group = a group constraint (`share of`, `count of`) beside per-record ones, or `per …` without a group constraint
code-rules-unreachable-penalty = a penalty on a group rule whose groups are not units, so the points would reach no score
code-rules-bad-group = `per` names a field a group cannot be formed by: not a text field of the record format (nor `unit`), not declared, or named twice; the help lists what is allowed, with did-you-mean
code-rules-bad-proportional = a proportional group penalty that cannot be measured: on a rule that is not a group rule, with no constraint of its kind (`percentage point` needs `share of`, `record` needs `count of`) or two of them, with `=`/`!=`, or in the wrong direction (`below` needs `>=`/`>`, `over` needs `<=`/`<`)
code-rules-bad-verdict = `passes RULE`/`fails RULE` outside `share of`/`count of`, or naming no loaded rule, a group or reward rule, or a rule of another kind
code-rules-unused-kind = a pipeline declares a kind no rule is `for`
code-rules-unused-calendar = a calendar, while no rule counts working days and deadlines do not move
code-rules-unused-scoring = a scoring scheme, while no rule has a penalty or a reward
code-rules-unknown-kind-value = a condition compares `kind` with a kind no pipeline declares
code-rules-lateness-without-deadline = points per period late on a rule with no `within` or `by`
code-rules-unrolled-date = a stage's date compared with `deadline` or a computed date where deadlines move to the next workday: expressions do not move dates
code-rules-duplicate-constraints = two rules with the same `for`, `when` and `require`s
code-rules-undeclared-field = a rule reads a field the record format does not define and no `extra fields` declares (once per path, at its first use)
code-rules-field-in-no-record = (`check`) a path rules read is in no record, while records have a near spelling of it, so a condition on it never holds (once per path, at the rule's first use)
code-rules-not-checked = (editor) a record file open in the editor is not checked: the rule set does not load, or the file is not one of the project's records
code-record-duplicate-key = a key twice in one mapping; the record is dropped
code-record-duplicate-id = two records with the same `id`, in one file or across files
code-record-ids-unchecked = the record ids of a very large run, kept in a temporary file, could not be read back to look for duplicates (exit 2)
code-record-missing-field = `id`, `responsible.unit` or a stage's `date` is missing
code-record-wrong-type = a value of the wrong type
code-record-bad-date = a value that should be a date is not one, or names no day
code-record-not-a-record = an item of the file is not a mapping
code-record-unknown-kind = `kind` names a kind the rules do not declare
code-record-unknown-stage = a stage name not in the pipeline of the record's kind
code-record-unknown-status = `status` is not `not-started`, `in-progress`, `staged` or `completed`; the record is still checked, without a status
code-record-unknown-field = (warning) a top-level key one edit from a core field; the value is kept as an extra field. Declaring it (`extra fields: regions`) silences it
code-record-unknown-key = a key a nested mapping does not allow: an error in a stage, a warning in `responsible` (unless declared, `extra fields: responsible.lead_deputy`), an extension, a waiver or a ledger's top level
code-record-future-date = (warning) a stage dated, or an extension approved, after the evaluation date: not known yet on that day
code-record-empty-file = (warning) the file holds no records
code-yaml-syntax = the text is not valid YAML
code-yaml-too-deep = nesting deeper than the limit
code-yaml-alias-limit = aliases that expand to more nodes than the limit (a "billion laughs")
code-input-unreadable = a record path that does not exist or cannot be read
code-input-too-large = a file over `--max-file-size`
code-input-not-utf8 = a file that is not UTF-8, at the first bad byte
code-input-not-regular = a FIFO, device or socket, skipped unopened
code-input-symlink = a symbolic link, skipped: links are not followed
code-input-bad-glob = an `exclude` or `records` glob that does not parse
code-input-ignore-file = an `.ignore`/`.gitignore` that cannot be read or parsed
code-calendar-yaml = the text is not valid YAML, or breaks a YAML limit
code-calendar-documents = the file is empty or holds more than one YAML document
code-calendar-wrong-type = a value of the wrong type
code-calendar-unknown-key = a key the format does not know
code-calendar-duplicate-key = a key twice in one mapping
code-calendar-missing-key = a required key is missing
code-calendar-bad-date = a date that names no day
code-calendar-bad-year = a year key that is not a year
code-calendar-duplicate-year = a year listed twice
code-calendar-missing-year = a gap between the first and last year
code-calendar-missing-source = a year without the notice it is copied from
code-calendar-wrong-year = a date under a year other than its own or the next
code-calendar-bad-range = a holiday `from` after its `to`, or longer than a year
code-calendar-workday-not-weekend = a make-up workday that is not a weekend day
code-calendar-holiday-and-workday = a day both holiday and make-up workday
code-calendar-duplicate-day = a day listed twice
code-calendar-bad-weekday = an unknown day under `weekend`
code-calendar-not-covered = a record needed a year no calendar covers; that rule cannot check it (one error per calendar and year)
code-calendar-near-end = (warning) the evaluation date is within 60 days of the calendars' last day
code-config-syntax = the file is not valid TOML
code-config-unknown-key = a key rectify does not know
code-config-invalid-value = a value of the wrong type or out of range
code-config-invalid-glob = a glob that does not parse
code-config-duplicate-name = a unit name given twice in `[units]`
code-config-duplicate-unit = one alias given to two units
code-unit-unknown = with a unit registry, a `responsible.unit` it does not name
code-unit-lookalike = (warning) two spellings that differ only in invisible or look-alike characters count as one unit
code-unit-conflict = the unit registry maps one name to two units
code-waiver-unreadable = a waiver file that cannot be read
code-waiver-bad-file = a waiver file that is not a list of waivers
code-waiver-bad-waiver = a waiver that is not a mapping, or has an unknown key
code-waiver-incomplete = a waiver missing `reason`, `until` or `approved_by`: it waives nothing
code-waiver-unknown-rule = a waiver naming no loaded rule
code-waiver-unmatched = (warning) a waiver that matches no finding
code-waiver-expired = (warning) a waiver whose `until` is before the evaluation date (expiry is inclusive)
code-waiver-inline-denied = `rectify.toml` allows waivers only in waiver files
code-waiver-not-an-approver = `approved_by` is not among the configured approvers
code-waiver-too-long = a waiver longer than the configured maximum
code-import-unreadable = the file cannot be read as a spreadsheet, or has no such sheet
code-import-map = the map file is not valid TOML or names an unknown field or value
code-import-no-heading = no row of the first ones names both an id and a responsible unit column
code-import-ignored-column = (warning) a heading no preset or map entry knows: the column is not imported
code-import-duplicate-column = two columns map to the same field
code-import-bad-date = a cell that should hold a date does not
code-import-bad-status = a status no translation knows
code-import-bad-cell = a cell holding a spreadsheet error or a value of the wrong type
code-import-missing-field = a row without an id or a responsible unit, or a stage detail without its date
code-import-duplicate-id = the same id on two rows
code-test-empty-file = the test file holds no YAML document
code-test-unknown-key = a key the file, a case or an expected finding does not take
code-test-bad-value = a value of the wrong type or form
code-test-missing-field = the file has no `cases`, a case no `as_of` or `expect`, an expected finding no `rule` or `record` (nor `unit` or `group`)
code-test-missing-file = a `files:` entry names no file (paths are relative to the test file)
code-cli-unknown-rule = `--only` or `--skip` names no loaded rule

# Grades and pages
# Why the walk left a file out, in a note (`skipped `…`: why`).
walk-skipped-hidden = hidden (--hidden reads it)
walk-skipped-ignore-file = an ignore file below the project root: the files it matches are not read (--no-ignore reads them)
walk-skipped-tool-config = named like another tool's configuration
walk-skipped-force-exclude = outside `records` or inside `exclude`
# `rectify explain`: a path that could not be walked or read, and why.
find-unreadable = { $path }: { $reason }
# A grade's title given twice for one language: `pass >= 90 title zh-CN "合格" title zh "及格"`.
rules-duplicate-grade-title = `title { $tag }` is given twice for grade `{ $grade }`
    .first = the first `title` of `{ $grade }` for `{ $lang }`
    .help = a grade has at most one `title` per language; remove one
# The help for a grade's title in a language rectify does not speak.
rules-grade-title-language = write `en` or `zh-CN`: a grade shows its name as written in a language it has no title for
# What pest expected: a language tag, as in `title zh-CN "…"`.
rules-expected-language = a language tag (`zh-CN`)
# `rectify rules doc`: the comment that opens each page, the words of a
# rule's page and of the index (rule data, as written, goes in as arguments).
doc-generated = Generated by `rectify rules doc` from { $files }; do not edit.
doc-page =
    .applies-to = applies to
    .group-rule = group rule
    .when = when
    .severity = severity
    .reward = reward
    .penalty = penalty
    .legal-basis = legal basis
    .defined-in = defined in
    .requires = Requires
    .what-to-do = What to do
    .as-written = As written
doc-applies-to = `{ $kind }` records
doc-group-rule = one finding per failing { $key }, located at the rule
doc-defined-in = `{ $file }`, line { $line }
# A rule's title or help as written, under its variant in the run's language.
doc-as-written = as written: { $text }
doc-reward = reward { $figures }
doc-none = none
doc-index = One page per rule of { $files }. The rule language is described in [the reference](../rule-language.md).
    .rules = Rules
    .rule = rule
    .title = title
    .kind = kind
    .severity = severity
    .penalty = penalty
    .extra-fields = Extra fields
doc-extra-fields = Records may carry these fields beside the record format; the rules declare them (`extra fields`): { $fields }.
# end of Grades and pages

# Lists
# A list in a sentence, joined by `join`: `and` (things that all hold),
# `or` (alternatives), `plain` (an enumeration), `clauses` (parts of one
# sentence). `list-between` goes between the items but the last two;
# `list-last` joins what comes before the last item to it.
list-between = { $join ->
    [clauses] {"; "}
   *[other] {", "}
}
list-last = { $join ->
    [and] { $init } and { $last }
    [or] { $init } or { $last }
    [clauses] { $init }; { $last }
   *[plain] { $init }, { $last }
}
# A list of no items.
list-empty = nothing
# A key a waiver file's waiver lacks: one of the two that name what it waives.
waiver-record-or-unit = `record` or `unit`
# end of Lists
