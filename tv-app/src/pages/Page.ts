import { Lightning } from '@lightningjs/sdk';

export interface PageTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true;
}

/** Base class for routed pages: gives them the Router's page typings (params, widgets, hooks). */
export class Page extends Lightning.Component<Lightning.Component.TemplateSpecLoose, PageTypeConfig> {
  /** Read before the focused item when the resident arrives here (assign it as a field). */
  declare pageTitle?: string;
}
