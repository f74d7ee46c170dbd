cmd-burn = how fast the base burns: /burn [YYYY-MM]

burn-usage = How to see the burn: /burn or /burn 2026-11
burn-error-period = I did not understand the period "{ $text }": write the year and month, e.g. 2026-11.
burn-error-future = { $period } has not begun yet — nothing to show.

burn-title = Lead base burn — { $month }, as of { $date }
burn-empty = The base is empty: send an Excel workbook (.xlsx) or a CSV file captioned /import.
burn-contacts = Contacted: { $contacted } · refused: { $refused } ({ $refusalRate }) · handled in time: { $handled }
burn-burned = Burned: { $burned } of { $contacted } — { $burnRate } (threshold { $threshold })
burn-state = Lost for good: { $lost } · closed: { $closed } · cooling now: { $cooling }
burn-warning-high = ⚠ Burn above the threshold: refusals are not worked out, the base is burning.
burn-warning-paused = ⏸ Segments paused: { $count } (at least { $threshold } burned).
burn-segments-title = Segments, worst first:
burn-segment-line = { $rank }. { $name } — { $share } burned: { $size } companies, fresh { $fresh }, cooling { $cooling }, lost { $lost }, closed { $closed }, clients { $won }; { $exhaust }
burn-segment-line-paused = { $rank }. { $name } — { $share } burned, PAUSED: { $size } companies, fresh { $fresh }, cooling { $cooling }, lost { $lost }, closed { $closed }, clients { $won }; { $exhaust }
burn-exhaust-weeks = fresh ones last { $weeks } { $n ->
    [one] week
   *[other] weeks
}
burn-exhaust-none = no new contacts in 4 weeks
burn-segments-more = …and { $count } more segments (all of them: npm run report -- burn --json)

burn-chart-title = Lead base burn — { $month }
burn-chart-subtitle = as of { $date } · { $burned } of { $contacted } contacted { $contacted ->
    [one] company
   *[other] companies
} burned ({ $burnRate })
burn-chart-weeks = Burned share by the end of each week
burn-chart-segments = Burned by segment
burn-chart-week = Week of
burn-chart-burn-rate = Burned of contacted
burn-chart-burned-share = Cooling and lost, share of segment
burn-chart-threshold = threshold
burn-chart-paused = paused
burn-chart-no-data = No data

burn-alert-high = 🔥 The base is burning: in { $month } { $burned } of { $contacted } contacted { $contacted ->
    [one] company
   *[other] companies
} burned — { $burnRate }, the threshold is { $threshold }. Refusals are not worked out within { $days ->
        [one] { $days } working day
       *[other] { $days } working days
    }. Details: /burn
burn-alert-paused = ⏸ The segment "{ $segment }" is paused: { $share } burned (cooling: { $cooling }, lost for good: { $lost }, companies in all: { $size }), the threshold is { $threshold }. Touches in it are refused until the share falls or you unpause it: /unpause { $segment }
