cmd-dashboard = панель с цифрами в Telegram
dashboard-open-text = Панель: те же цифры и задачи, что в чате, — на графиках и в таблицах.
dashboard-open-button = Открыть панель
dashboard-menu-button = Панель
dashboard-not-configured = Панель не настроена: администратору нужно задать WEB_APP_URL (см. docs/mini-app.md).
