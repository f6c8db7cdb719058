/**
 * Key codes → Lightning key names. Lightning reads `keyCode` only; its default maps 27 to 'Menu',
 * which would leave Escape dead on a PC, so Escape is Back here.
 */
export const KEY_MAP: Record<number, string> = {
  8: 'Back',
  27: 'Back',
  13: 'Enter',
  37: 'Left',
  38: 'Up',
  39: 'Right',
  40: 'Down',
  // HbbTV/OIPF colour keys, as sent by Japanese cable set-top browsers.
  403: 'Red',
  404: 'Green',
  405: 'Yellow',
  406: 'Blue',
  // F1–F4 stand in for the colour keys on a PC, in remote order 青 赤 緑 黄.
  112: 'Blue',
  113: 'Red',
  114: 'Green',
  115: 'Yellow',
};

for (let code = 48; code <= 57; code++) KEY_MAP[code] = 'Num';
for (let code = 96; code <= 105; code++) KEY_MAP[code] = 'Num';
