import { Lightning } from '@lightningjs/sdk';
import { FullScreenMessage } from '../../components/FullScreenMessage.js';
import { Page } from '../Page.js';

export const UNREGISTERED_TITLE = 'この機械はまだ登録されていません';

/** Shown when the box has no token, or the server does not know its token. */
export class UnregisteredPage extends Page {
  static override _template(): Lightning.Component.Template {
    return {
      Message: {
        type: FullScreenMessage,
        message: {
          title: UNREGISTERED_TITLE,
          body:
            'このテレビでお買い物やタクシーを使うには、登録が必要です。' +
            'お手数ですが、ケーブルテレビ局の窓口にお電話ください。係の者が、この機械を登録します。',
          hint: '登録が終わったら、テレビの電源を入れ直してください。',
        },
      },
    };
  }

  override _getFocused() {
    return this.tag('Message') as Lightning.Component;
  }
}
