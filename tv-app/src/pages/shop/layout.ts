import { SAFE } from '../../theme.js';

/**
 * Both shop grids have four columns of the same width, so a resident's sense of "left, right"
 * carries from the categories to the products.
 */
const columns = 4;
const gap = 28;
export const SHOP_GRID = {
  columns,
  gap,
  cellWidth: Math.floor((SAFE.w - 40 - (columns - 1) * gap) / columns),
} as const;
