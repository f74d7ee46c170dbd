alert-worse = 📉 Clearly worse now:
alert-over-plan-behind = ✅ Behind plan for { $subject } is over: the forecast is at 90% of plan or more again.
alert-over-burn-high = ✅ The base is no longer burning in { $subject }: the burned share is below the threshold.
alert-over-sweet-lie = ✅ The "sweet lie" for { $subject } is over: the plan no longer rests on burning the base.
alert-over-segment-paused = ✅ The segment "{ $subject }" is open for touches again.
