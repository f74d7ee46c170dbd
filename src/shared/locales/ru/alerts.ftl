alert-worse = 📉 Стало заметно хуже:
alert-over-plan-behind = ✅ Отставание от плана за { $subject } позади: прогноз снова не ниже 90% плана.
alert-over-burn-high = ✅ База за { $subject } больше не выгорает: доля выжженных ниже порога.
alert-over-sweet-lie = ✅ «Сладкая ложь» за { $subject } позади: план больше не держится на выжигании базы.
alert-over-segment-paused = ✅ Сегмент «{ $subject }» снова открыт для касаний.
