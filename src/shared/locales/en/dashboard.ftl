cmd-dashboard = the dashboard inside Telegram
dashboard-open-text = The dashboard: the same figures and tasks as in the chat, as charts and tables.
dashboard-open-button = Open dashboard
dashboard-menu-button = Dashboard
dashboard-not-configured = The dashboard is not set up: the administrator has to set WEB_APP_URL (see docs/mini-app.md).
