/** The page's entry: the launch data and theme from Telegram, then the app. */
import { render } from "preact";
import "uplot/dist/uPlot.min.css";
import "./styles.css";
import { createApi } from "./api.js";
import { App, guessLocale } from "./app.js";
import { applyTheme, readLaunch } from "./launch.js";

const launch = readLaunch();
applyTheme(launch.theme, document.documentElement);
document.documentElement.lang = guessLocale(launch.languageCode);
render(<App api={createApi(launch.initData)} fallbackLocale={guessLocale(launch.languageCode)} />, document.getElementById("app")!);
