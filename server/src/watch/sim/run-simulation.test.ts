import { describe, expect, it } from 'vitest';
import { DEFAULT_SIM, runSimulation } from './run-simulation';

describe('runSimulation', () => {
  const small = {
    ...DEFAULT_SIM,
    residents: 12,
    days: 70,
    measureFromDay: 56,
    collapseFromDay: 56,
    collapseToDay: 66,
    collapseShare: 0.5,
  };

  it('is deterministic for a seed', () => {
    const a = runSimulation(small);
    const b = runSimulation(small);
    expect(a.falseAlerts).toBe(b.falseAlerts);
    expect(a.collapses).toEqual(b.collapses);
  });

  it('injects collapses and alerts every one of them before the end', () => {
    const r = runSimulation(small);
    expect(r.collapses.length).toBeGreaterThan(0);
    for (const c of r.collapses) expect(c.hoursToAlert).not.toBeNull();
    expect(r.householdDays).toBeGreaterThan(0);
  });
});
