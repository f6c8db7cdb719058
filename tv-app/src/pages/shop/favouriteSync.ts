import { setFavourite } from '../../api/shop.js';
import { LatestWins } from '../../lib/latestWins.js';

/**
 * ★ favourites: the card shows the wanted state at once, and the server is told only the latest
 * wish per product, after the previous answer (three quick presses end in the third's state, on
 * screen and on the server). `onFailed` hears of a send that failed with no newer wish waiting,
 * so the page can put the card back and say why.
 */
export function createFavouriteSync(onFailed: (productId: number, wanted: boolean, error: unknown) => void) {
  return new LatestWins<number, boolean>({
    send: (id, on) => setFavourite(id, on).then(() => undefined),
    onError: (id, on, error, superseded) => {
      if (!superseded) onFailed(id, on, error);
    },
  });
}
