import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One SQLite connection shared by asynchronous code. A transaction holds the connection across its
 * awaits; every statement from elsewhere waits until it is released, so no other request's
 * statement can slip into (and be rolled back with) a transaction it does not belong to.
 * Statements issued inside the transaction's async context pass straight through.
 */
export class ConnectionGate {
  private owner: object | null = null;
  private waiters: (() => void)[] = [];
  private readonly context = new AsyncLocalStorage<object>();

  /** True when the caller is inside the transaction that holds the connection. */
  holds(): boolean {
    return this.owner !== null && this.context.getStore() === this.owner;
  }

  /** True when the caller may use the connection right now. */
  open(): boolean {
    return this.owner === null || this.context.getStore() === this.owner;
  }

  /** Resolves once the caller may use the connection (immediately in the common case). */
  async ready(): Promise<void> {
    while (!this.open()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Runs fn holding the connection; statements from other async contexts wait until it returns. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    // Check and take in one synchronous step, so two waiters woken together cannot both take it.
    while (this.owner !== null) await new Promise<void>((resolve) => this.waiters.push(resolve));
    const token = {};
    this.owner = token;
    try {
      return await this.context.run(token, fn);
    } finally {
      this.owner = null;
      const waiting = this.waiters;
      this.waiters = [];
      for (const wake of waiting) wake();
    }
  }
}
