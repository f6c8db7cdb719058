export type GridKey = 'Left' | 'Right' | 'Up' | 'Down';

export interface GridShape {
  count: number;
  columns: number;
  /** Rows on one page (page mode) or on screen (wrap mode). */
  rows: number;
  /**
   * `wrap`: reading order, ←/→ run on to the next/previous row and the grid scrolls by rows.
   * `page`: ←/→ off the edge turn to the next/previous page, keeping the row.
   */
  mode: 'wrap' | 'page';
}

/** Where focus goes from `index` on a key; null when the key leads nowhere (the page may use it). */
export function gridMove(index: number, key: GridKey, s: GridShape): number | null {
  const { count, columns } = s;
  if (count === 0) return null;
  if (s.mode === 'wrap') {
    switch (key) {
      case 'Left':
        return index > 0 ? index - 1 : null;
      case 'Right':
        return index < count - 1 ? index + 1 : null;
      case 'Up':
        return index - columns >= 0 ? index - columns : null;
      case 'Down':
        if (index + columns < count) return index + columns;
        // A short last row: go to its last card rather than refuse.
        return Math.floor(index / columns) < Math.floor((count - 1) / columns) ? count - 1 : null;
    }
  }
  const perPage = columns * s.rows;
  const page = Math.floor(index / perPage);
  const pos = index % perPage;
  const row = Math.floor(pos / columns);
  const col = pos % columns;
  const pageStart = page * perPage;
  switch (key) {
    case 'Left':
      if (col > 0) return index - 1;
      return page > 0 ? pageStart - perPage + row * columns + columns - 1 : null;
    case 'Right':
      if (col < columns - 1 && index + 1 < count) return index + 1;
      if (col < columns - 1) return null;
      return pageStart + perPage < count ? Math.min(count - 1, pageStart + perPage + row * columns) : null;
    case 'Up':
      return row > 0 ? index - columns : null;
    case 'Down':
      if (row >= s.rows - 1) return null;
      if (index + columns < count) return index + columns;
      return pageStart + (row + 1) * columns < count ? count - 1 : null;
  }
}

/** Page number (0-based) and page count for page mode. */
export function gridPage(index: number, s: GridShape): { page: number; pages: number } {
  const perPage = s.columns * s.rows;
  return { page: Math.floor(index / perPage), pages: Math.max(1, Math.ceil(s.count / perPage)) };
}
