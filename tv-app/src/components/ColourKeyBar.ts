import { Lightning } from '@lightningjs/sdk';
import { centreShift, textConfig } from '../lib/text.js';
import { COLOUR_KEYS, COLOUR, FONT_SIZE, type ColourKey } from '../theme.js';

export interface ColourKeyAction {
  key: ColourKey;
  label: string;
}

/** Colour name + action for each key, in remote order 青 赤 緑 黄 whatever order they are given. */
export function orderColourKeys(actions: readonly ColourKeyAction[]) {
  return COLOUR_KEYS.flatMap((k) => {
    const action = actions.find((a) => a.key === k.key);
    return action ? [{ ...k, label: action.label }] : [];
  });
}

/**
 * Shows which colour keys do what. Each key carries its colour AND its printed name, so viewers
 * with colour-vision loss can still match it to the remote.
 */
export class ColourKeyBar extends Lightning.Component {
  static override _template(): Lightning.Component.Template {
    return { Keys: { flex: { direction: 'row' } } };
  }

  set actions(actions: readonly ColourKeyAction[]) {
    this.tag('Keys')!.children = orderColourKeys(actions).map((k) => ({
      flex: { direction: 'row', alignItems: 'center' },
      flexItem: { marginRight: 56 },
      Chip: {
        w: 96,
        h: 72,
        texture: Lightning.Tools.getRoundRect(96, 72, 14, 4, 0xffffffff, true, k.fill),
        Name: {
          x: 48,
          y: 36 + centreShift(FONT_SIZE.small),
          mount: 0.5,
          text: textConfig(k.name, { size: FONT_SIZE.small, colour: k.ink }),
        },
      },
      Label: {
        // Cross-axis centring splits the margin, hence twice the shift.
        flexItem: { marginLeft: 20, marginTop: 2 * centreShift(FONT_SIZE.small) },
        text: textConfig(k.label, { size: FONT_SIZE.small, colour: COLOUR.text }),
      },
    }));
  }
}
