/** Small pieces every screen uses: loading a figure set, a labelled figure, an error in words. */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "./api.js";
import type { Translate } from "./strings.js";

export type Loaded<T> = { state: "loading" } | { state: "ok"; value: T } | { state: "error"; error: ApiError };

/** Runs `load` whenever a dependency changes; an answer to an older request is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setLoaded({ state: "loading" });
    load().then(
      (value) => current && setLoaded({ state: "ok", value }),
      (error: unknown) => current && setLoaded({ state: "error", error: error instanceof ApiError ? error : new ApiError(0, "failed") }),
    );
    return () => {
      current = false;
    };
  }, [...deps, attempt]);
  return [loaded, () => setAttempt((n) => n + 1)];
}

/** One figure: a label and its value; `name` marks the cell for the browser tests (data-figure). */
export function Figure(props: { name: string; label: string; value: string; note?: string; tone?: "bad" | "good" }) {
  return (
    <div class={`figure${props.tone ? ` figure-${props.tone}` : ""}`}>
      <div class="figure-label">{props.label}</div>
      <div class="figure-value" data-figure={props.name}>
        {props.value}
      </div>
      {props.note ? <div class="figure-note">{props.note}</div> : null}
    </div>
  );
}

export function Section(props: { title: string; children: ComponentChildren }) {
  return (
    <section class="section">
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** The page shown instead of figures: no launch data or expired (401), not allowed (403), or a failure. */
export function ErrorView(props: { error: ApiError; t: Translate; retry?: () => void }) {
  const { error, t } = props;
  if (error.status === 401)
    return (
      <div class="notice" data-error="unauthorized">
        <h1>{t("error-unauthorized-title")}</h1>
        <p>{t("error-unauthorized")}</p>
      </div>
    );
  if (error.status === 403)
    return (
      <div class="notice" data-error="forbidden">
        <h1>{t("error-forbidden-title")}</h1>
        <p>{t("error-forbidden")}</p>
      </div>
    );
  return (
    <div class="notice" data-error={error.code}>
      <p>{error.code === "bad_period" ? t("error-bad-period") : t("error-failed")}</p>
      {props.retry ? (
        <button type="button" onClick={props.retry}>
          {t("retry")}
        </button>
      ) : null}
    </div>
  );
}

/** A screen's figures once loaded; meanwhile a loading line, on failure the error. */
export function Loading<T>(props: { loaded: Loaded<T>; t: Translate; retry: () => void; children: (value: T) => ComponentChildren }) {
  const { loaded, t } = props;
  if (loaded.state === "loading") return <p class="loading">{t("loading")}</p>;
  if (loaded.state === "error") return <ErrorView error={loaded.error} t={t} retry={props.retry} />;
  return <>{props.children(loaded.value)}</>;
}
