/** Demo households: [surname, kana, romaji, residents: [given, kana, birthDate, sex, flags]] */
export type Flag = 'licenceReturned' | 'disabled' | 'intractableDisease' | 'unableToDrive';
export type DemoResident = [given: string, kana: string, birthDate: string, flags?: Flag[]];
export interface DemoHousehold {
  surname: string;
  kana: string;
  romaji: string;
  hamlet: number;
  residents: DemoResident[];
  /** A child or relative who receives watching emails. */
  family: [name: string, relation: string][];
}

export const DEMO_HOUSEHOLDS: DemoHousehold[] = [
  {
    surname: '山田',
    kana: 'やまだ',
    romaji: 'yamada',
    hamlet: 0,
    residents: [['花子', 'はなこ', '1941-04-12', ['licenceReturned']]],
    family: [
      ['山田 健一', '長男'],
      ['佐藤 明美', '長女'],
    ],
  },
  {
    surname: '小松',
    kana: 'こまつ',
    romaji: 'komatsu',
    hamlet: 0,
    residents: [
      ['正夫', 'まさお', '1939-09-03', ['licenceReturned']],
      ['和子', 'かずこ', '1943-01-20'],
    ],
    family: [['小松 浩二', '次男']],
  },
  {
    surname: '北原',
    kana: 'きたはら',
    romaji: 'kitahara',
    hamlet: 0,
    residents: [['幸子', 'さちこ', '1945-06-30']],
    family: [
      ['北原 誠', '長男'],
      ['北原 由美', '長男の妻'],
    ],
  },
  {
    surname: '宮下',
    kana: 'みやした',
    romaji: 'miyashita',
    hamlet: 1,
    residents: [['清', 'きよし', '1937-11-11', ['disabled']]],
    family: [['宮下 隆', '長男']],
  },
  {
    surname: '伊藤',
    kana: 'いとう',
    romaji: 'ito',
    hamlet: 1,
    residents: [
      ['節子', 'せつこ', '1944-02-14'],
      ['茂', 'しげる', '1940-08-08', ['licenceReturned']],
    ],
    family: [['伊藤 恵子', '長女']],
  },
  {
    surname: '春日',
    kana: 'かすが',
    romaji: 'kasuga',
    hamlet: 1,
    residents: [['千代子', 'ちよこ', '1936-05-05']],
    family: [
      ['春日 亮', '孫'],
      ['春日 直子', '長女'],
    ],
  },
  {
    surname: '唐沢',
    kana: 'からさわ',
    romaji: 'karasawa',
    hamlet: 2,
    residents: [
      ['勇', 'いさむ', '1942-03-21', ['unableToDrive']],
      ['静江', 'しずえ', '1946-12-01'],
    ],
    family: [['唐沢 剛', '長男']],
  },
  {
    surname: '中村',
    kana: 'なかむら',
    romaji: 'nakamura',
    hamlet: 2,
    residents: [['美代子', 'みよこ', '1948-07-07']],
    family: [['中村 翔太', '孫']],
  },
  {
    surname: '田中',
    kana: 'たなか',
    romaji: 'tanaka',
    hamlet: 2,
    residents: [['博', 'ひろし', '1950-10-10']],
    family: [['田中 優子', '長女']],
  },
  {
    surname: '有賀',
    kana: 'あるが',
    romaji: 'aruga',
    hamlet: 3,
    residents: [['ふみ', 'ふみ', '1934-01-15']],
    family: [
      ['有賀 和也', '長男'],
      ['有賀 里美', '次女'],
    ],
  },
  {
    surname: '池上',
    kana: 'いけがみ',
    romaji: 'ikegami',
    hamlet: 3,
    residents: [
      ['実', 'みのる', '1941-06-18', ['licenceReturned']],
      ['久子', 'ひさこ', '1944-09-09'],
    ],
    family: [['池上 大輔', '長男']],
  },
  {
    surname: '矢島',
    kana: 'やじま',
    romaji: 'yajima',
    hamlet: 3,
    residents: [['房子', 'ふさこ', '1939-04-29']],
    family: [['矢島 真理', '長女']],
  },
  {
    surname: '平沢',
    kana: 'ひらさわ',
    romaji: 'hirasawa',
    hamlet: 4,
    residents: [['武', 'たけし', '1947-02-02']],
    family: [['平沢 拓海', '長男']],
  },
  {
    surname: '竹松',
    kana: 'たけまつ',
    romaji: 'takematsu',
    hamlet: 4,
    residents: [
      ['春江', 'はるえ', '1940-03-03'],
      ['進', 'すすむ', '1938-12-24', ['disabled']],
    ],
    family: [
      ['竹松 陽子', '長女'],
      ['竹松 健', '長男'],
    ],
  },
  {
    surname: '酒井',
    kana: 'さかい',
    romaji: 'sakai',
    hamlet: 4,
    residents: [['清子', 'きよこ', '1952-08-15']],
    family: [['酒井 綾', '長女']],
  },
  {
    surname: '小池',
    kana: 'こいけ',
    romaji: 'koike',
    hamlet: 5,
    residents: [['昭', 'あきら', '1943-10-01', ['licenceReturned']]],
    family: [['小池 直樹', '長男']],
  },
  {
    surname: '白鳥',
    kana: 'しらとり',
    romaji: 'shiratori',
    hamlet: 5,
    residents: [['トメ', 'とめ', '1932-07-20']],
    family: [
      ['白鳥 京子', '長男の妻'],
      ['白鳥 修', '長男'],
    ],
  },
  {
    surname: '原',
    kana: 'はら',
    romaji: 'hara',
    hamlet: 5,
    residents: [['隆', 'たかし', '1965-05-25']],
    family: [['原 美穂', '妹']],
  },
  {
    surname: '城取',
    kana: 'しろとり',
    romaji: 'shirotori',
    hamlet: 6,
    residents: [['弘', 'ひろむ', '1962-11-30', ['disabled']]],
    family: [['城取 香織', '姉']],
  },
  {
    surname: '守屋',
    kana: 'もりや',
    romaji: 'moriya',
    hamlet: 6,
    residents: [
      ['よし子', 'よしこ', '1945-08-31'],
      ['忠', 'ただし', '1942-04-04'],
    ],
    family: [['守屋 悠', '孫']],
  },
  {
    surname: '北村',
    kana: 'きたむら',
    romaji: 'kitamura',
    hamlet: 6,
    residents: [['絹子', 'きぬこ', '1938-02-11']],
    family: [['北村 聡', '長男']],
  },
  {
    surname: '吉田',
    kana: 'よしだ',
    romaji: 'yoshida',
    hamlet: 7,
    residents: [['正一', 'しょういち', '1936-09-15', ['licenceReturned']]],
    family: [
      ['吉田 千尋', '長女'],
      ['吉田 航', '孫'],
    ],
  },
  {
    surname: '堀',
    kana: 'ほり',
    romaji: 'hori',
    hamlet: 7,
    residents: [
      ['キヨ', 'きよ', '1935-06-06'],
      ['源治', 'げんじ', '1933-03-17', ['intractableDisease']],
    ],
    family: [['堀 恵美', '次女']],
  },
  {
    surname: '林',
    kana: 'はやし',
    romaji: 'hayashi',
    hamlet: 7,
    residents: [['千鶴', 'ちづる', '1949-12-12']],
    family: [['林 大地', '長男']],
  },
];
