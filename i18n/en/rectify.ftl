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

# Between the parts of one finding, and between reasons.
verdict-separator = {"; "}
# Between values read, and between record ids.
value-separator = {", "}
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

## Input diagnostics: YAML and records

# end of YAML and records


## Input diagnostics: spreadsheet import and rule tests

# end of spreadsheet import and rule tests


## Input diagnostics: rule files

# end of rule files


## Input diagnostics: calendars, configuration, waivers, units and files

# end of calendars, configuration, waivers, units and files


## Text from outside the catalogues (an operating-system reason), said as is
verbatim = { $text }

## Commands
# The commands' own lines on stderr: `error: …` and the advice under it.
cli-error = error: { $message }
cli-help = help: { $help }
cli-did-you-mean = did you mean `{ $name }`?
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
list-and = {" and "}
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
cli-import-exists = `{ $files }` { $n ->
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
cli-note-skipped = skipped { $file }
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
cli-unknown-lang = rectify has no messages in `{ $name }`; it speaks `{ $known }`
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
# Between the items of a list in a sentence.
list-separator = {", "}
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
code-rules-duplicate-item = a rule item that may appear once appears twice
code-rules-missing-item = a rule without `for`, `severity` (or `reward`) or any `require`
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
code-cli-unknown-rule = `--only` or `--skip` names no loaded rule
