import { Composer, type Context, type Middleware, type MiddlewareFn, type NextFunction } from "grammy";

type Predicate<C> = (ctx: C) => boolean | Promise<boolean>;

/**
 * A Composer with grammY's semantics (middleware in order; `next` goes on to the rest) that costs little for the
 * handlers an update passes by. grammY chains each `use` into a pair of async closures, so an update walking
 * past a hundred handlers to reach its own made two hundred promises and as many microtask hops; here the
 * middleware sit in an array and `next` is a plain call to the next one. Filters (and so `command`,
 * `callbackQuery`, `on`, `hears`, `chatType`, ...) cost one predicate call when they do not match, instead of
 * grammY's `branch` → `lazy`, which builds a new Composer per update.
 */
export class LeanComposer<C extends Context> extends Composer<C> {
  private readonly chain: MiddlewareFn<C>[];
  private readonly run: MiddlewareFn<C>;

  constructor(...middleware: Array<Middleware<C>>) {
    super();
    const chain = middleware.map(toFunction);
    this.chain = chain;
    this.run = (ctx, next) => step(chain, 0, ctx, next);
  }

  override middleware(): MiddlewareFn<C> {
    return this.run;
  }

  override use(...middleware: Array<Middleware<C>>): LeanComposer<C> {
    const composer = new LeanComposer<C>(...middleware);
    this.chain.push(composer.run);
    return composer;
  }

  // One implementation for both of grammY's overloads (type-guard predicate or boolean predicate).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override filter(predicate: Predicate<C>, ...middleware: Array<Middleware<C>>): any {
    const composer = new LeanComposer<C>(...middleware);
    const matched = composer.run;
    this.chain.push((ctx, next) => {
      const match = predicate(ctx);
      if (match instanceof Promise) return match.then((ok) => (ok ? matched(ctx, next) : next()));
      return match ? matched(ctx, next) : next();
    });
    return composer;
  }
}

function step<C extends Context>(chain: MiddlewareFn<C>[], index: number, ctx: C, next: NextFunction): ReturnType<NextFunction> {
  if (index === chain.length) return next();
  return chain[index]!(ctx, () => step(chain, index + 1, ctx, next)) as ReturnType<NextFunction>;
}

/** A middleware object (another composer) as a function; a LeanComposer's never changes, so it is taken once. */
function toFunction<C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> {
  if (typeof middleware === "function") return middleware;
  if (middleware instanceof LeanComposer) return middleware.middleware();
  return (ctx, next) => middleware.middleware()(ctx, next);
}
