import { Composer, type Context, type Middleware, type NextFunction } from "grammy";

type Predicate<C> = (ctx: C) => boolean | Promise<boolean>;

/**
 * A Composer whose filters (and so `command`, `callbackQuery`, `on`, `hears`, `chatType`, ...) cost one
 * predicate call when they do not match. grammY's own `filter` goes through `branch` → `lazy`, which builds a
 * new Composer and awaits the predicate for every update at every handler; a feature has a dozen handlers and
 * every update passes the ones before its own, so that was a measurable part of each update. Same semantics:
 * a truthy predicate runs the returned composer's middleware, otherwise the update goes on to `next`.
 */
export class LeanComposer<C extends Context> extends Composer<C> {
  // One implementation for both of grammY's overloads (type-guard predicate or boolean predicate).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override filter(predicate: Predicate<C>, ...middleware: Array<Middleware<C>>): any {
    const composer = new LeanComposer<C>(...middleware);
    const matched = (ctx: C, next: NextFunction) => composer.middleware()(ctx, next);
    this.use((ctx, next) => {
      const match = predicate(ctx);
      if (match instanceof Promise) return match.then((ok) => (ok ? matched(ctx, next) : next()));
      return match ? matched(ctx, next) : next();
    });
    return composer;
  }
}
