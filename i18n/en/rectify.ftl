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
