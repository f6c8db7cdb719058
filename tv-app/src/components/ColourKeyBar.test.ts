import { describe, expect, it } from 'vitest';
import { orderColourKeys } from './ColourKeyBar.js';

describe('orderColourKeys', () => {
  it('puts actions in remote order 青 赤 緑 黄 with colour name and label', () => {
    const ordered = orderColourKeys([
      { key: 'Yellow', label: 'ヘルプ' },
      { key: 'Blue', label: 'お買い物' },
      { key: 'Green', label: 'お知らせ' },
    ]);
    expect(ordered.map((k) => `${k.name}:${k.label}`)).toEqual(['青:お買い物', '緑:お知らせ', '黄:ヘルプ']);
  });
});
