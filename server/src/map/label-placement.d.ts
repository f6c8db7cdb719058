export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface LabelItem {
  x: number;
  y: number;
  w: number;
  h: number;
  r: number;
  priority: number;
}
export interface Placement {
  x: number;
  y: number;
  position: string;
}
export const POSITIONS: { name: string; fx: number; fy: number; ax: number; ay: number }[];
export function intersects(a: Box, b: Box): boolean;
export function placeLabels(items: LabelItem[], obstacles: Box[]): (Placement | null)[];
