import { readFileSync } from 'node:fs';

/** Directory of the literature benchmark (instances, bks.csv, check.mjs). */
export const DARP_BENCH_DIR = process.env.DARP_BENCH_DIR ?? '/work/shared/bench/darp';

interface CheckResult {
  feasible: boolean;
  cost: number | null;
  violations: string[];
}

interface CheckerModule {
  parseInstance: (text: string) => unknown;
  parseSolution: (text: string) => unknown;
  check: (inst: unknown, routes: unknown) => CheckResult;
}

/** The reference checker, imported (not re-implemented) so figures are judged by the same code. */
export async function loadChecker(
  dir = DARP_BENCH_DIR,
): Promise<(instanceText: string, solutionJson: string) => CheckResult> {
  const mod = (await import(`${dir}/check.mjs`)) as CheckerModule;
  return (instanceText, solutionJson) => {
    const inst = mod.parseInstance(instanceText);
    const routes = mod.parseSolution(solutionJson);
    return mod.check(inst, routes);
  };
}

/** bks.csv as instance -> best known (proven optimal) cost. */
export function loadBks(dir = DARP_BENCH_DIR): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of readFileSync(`${dir}/bks.csv`, 'utf8').trim().split('\n').slice(1)) {
    const [name, cost] = line.split(',');
    out.set(name!, Number(cost));
  }
  return out;
}
