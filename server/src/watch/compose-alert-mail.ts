import { formatJaDateTime } from '../lib/tokyo';

export interface AlertMailInput {
  recipientName: string;
  residentName: string;
  reasonJa: string;
  link: string;
  expiresAt: Date;
  escalateAfterMinutes: number;
  step: number;
  /** Who the next step tells (nextTierJa); null when this is the last step of the ladder. */
  nextJa: string | null;
}

/** Plain Japanese: what was seen, what to do, and the link to tell us. */
export function composeAlertMail(m: AlertMailInput): { subject: string; text: string } {
  return {
    subject: `【見守り】${m.residentName}さんのご様子を確認してください`,
    text: [
      `${m.recipientName} 様`,
      '',
      `engawa 見守りサービスです。${m.residentName}さんについて、次のことがありました。`,
      '',
      `\u3000${m.reasonJa}`,
      '',
      `お手数ですが、お電話などで${m.residentName}さんのご様子を確かめてください。`,
      '電話がつながらないときは、訪問をお願いします。',
      '',
      '確かめたら、次のページで結果を押してください（ログインは要りません）。',
      '「連絡がとれました」「訪問します」「大丈夫でした」のどれかを選べます。',
      m.link,
      `（このリンクは ${formatJaDateTime(m.expiresAt)} まで使えます）`,
      '',
      // Only a step that exists is promised: a ladder without a second contact has none to tell.
      ...(m.nextJa
        ? [`${m.escalateAfterMinutes}分たってもお返事がないときは、${m.nextJa}にもお知らせします。`, '']
        : []),
      '※ このメールは送信専用です。',
    ].join('\n'),
  };
}

export function composeRecoveryMail(recipientName: string, residentName: string, at: Date) {
  return {
    subject: `【見守り】${residentName}さん 回復しました`,
    text: [
      `${recipientName} 様`,
      '',
      `先ほどお知らせした${residentName}さんについて、${formatJaDateTime(at)}に活動が確認できました。`,
      '見守りのお知らせは終わりました。ご協力ありがとうございました。',
    ].join('\n'),
  };
}
