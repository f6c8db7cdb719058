/** The one place that reaches into @lightningjs/core directly (the SDK does not re-export these). */
export { Launch } from '@lightningjs/sdk';
export { TextTokenizer } from '@lightningjs/core';
