import { Lightning } from '@lightningjs/sdk';
import { FullScreenMessage, type FullScreenMessageSpec } from '../components/FullScreenMessage.js';

export type OverlayAnswer = 'ok' | 'back';

interface Pending {
  spec: FullScreenMessageSpec;
  resolve(answer: OverlayAnswer): void;
}

/**
 * One global slot for full-screen messages over any page (reminders, "お元気ですか？"). While shown it
 * holds focus and swallows every key, so OK/Back answer the message and never reach the page below.
 * Messages arriving while one is shown wait their turn.
 */
export class Overlay extends Lightning.Component {
  private _queue: Pending[] = [];
  private _current: Pending | undefined;
  /** The App re-evaluates focus here: it focuses the overlay while `shown`. */
  onChange: (() => void) | undefined;

  static override _template(): Lightning.Component.Template {
    return { visible: false, zIndex: 50, Message: { type: FullScreenMessage } };
  }

  get shown(): boolean {
    return this._current !== undefined;
  }

  show(spec: FullScreenMessageSpec): Promise<OverlayAnswer> {
    return new Promise((resolve) => {
      this._queue.push({ spec, resolve });
      if (!this._current) this._next();
    });
  }

  private _next(): void {
    this._current = this._queue.shift();
    if (this._current) (this.tag('Message') as FullScreenMessage).message = this._current.spec;
    this.visible = !!this._current;
    this.onChange?.();
  }

  /**
   * Takes a message away unanswered because it no longer holds (the taxi it announced has picked
   * the resident up): dropped from the queue, or closed if shown; its promise resolves 'back'.
   */
  withdraw(spec: FullScreenMessageSpec): void {
    const i = this._queue.findIndex((p) => p.spec === spec);
    if (i >= 0) this._queue.splice(i, 1)[0]!.resolve('back');
    else if (this._current?.spec === spec) this._answer('back');
  }

  private _answer(answer: OverlayAnswer): boolean {
    const current = this._current;
    this._next();
    current?.resolve(answer);
    return true;
  }

  override _getFocused() {
    return this.tag('Message') as Lightning.Component;
  }

  override _handleEnter(): boolean {
    return this._answer('ok');
  }

  override _handleBack(): boolean {
    return this._answer('back');
  }

  override _handleKey(): boolean {
    return true;
  }
}
