/** Hamlets of a hilly river valley east of the city (modelled on 長谷, 伊那市). */
export const DEMO_HAMLETS = [
  { name: '中尾', kana: 'なかお', lat: 35.7601, lon: 138.0805, hall: '中尾公民館', hallLat: 35.7608, hallLon: 138.0798 },
  { name: '杉島', kana: 'すぎしま', lat: 35.7712, lon: 138.0701, hall: '杉島集落センター', hallLat: 35.7716, hallLon: 138.0692 },
  { name: '市野瀬', kana: 'いちのせ', lat: 35.7372, lon: 138.0871, hall: '市野瀬公民館', hallLat: 35.7379, hallLon: 138.0864 },
  { name: '黒河内', kana: 'くろごうち', lat: 35.7523, lon: 138.0662, hall: '黒河内公民館', hallLat: 35.7529, hallLon: 138.0655 },
  { name: '浦', kana: 'うら', lat: 35.8003, lon: 138.0903, hall: '浦集会所', hallLat: 35.8009, hallLon: 138.0896 },
  { name: '非持山', kana: 'ひじやま', lat: 35.8122, lon: 138.0401, hall: '非持山公民館', hallLat: 35.8117, hallLon: 138.0409 },
  { name: '溝口', kana: 'みぞくち', lat: 35.7951, lon: 138.0552, hall: '溝口運動場', hallLat: 35.7946, hallLon: 138.0561 },
  { name: '荊口', kana: 'ばらぐち', lat: 35.8207, lon: 138.0712, hall: '荊口公民館', hallLat: 35.8201, hallLon: 138.0718 },
];

export const DEMO_DRONE_PORT = { name: '道の駅 南アルプスむら長谷 ドローンポート', lat: 35.7853, lon: 138.0574 };

export const DEMO_PLACES = [
  { name: '伊那中央病院', kana: 'いなちゅうおうびょういん', kind: 'hospital', address: '伊那市小四郎久保1313-1', lat: 35.8455, lon: 137.9673 },
  { name: '高遠第二病院', kana: 'たかとおだいにびょういん', kind: 'hospital', address: '伊那市高遠町西高遠1414', lat: 35.8331, lon: 138.0598 },
  { name: '長谷診療所', kana: 'はせしんりょうじょ', kind: 'clinic', address: '伊那市長谷溝口1394', lat: 35.7958, lon: 138.0547 },
  { name: '高遠内科クリニック', kana: 'たかとおないかくりにっく', kind: 'clinic', address: '伊那市高遠町東高遠400', lat: 35.8349, lon: 138.0655 },
  { name: 'みすず眼科', kana: 'みすずがんか', kind: 'clinic', address: '伊那市西町5040', lat: 35.8310, lon: 137.9512 },
  { name: 'たかはし整形外科', kana: 'たかはしせいけいげか', kind: 'clinic', address: '伊那市境1630', lat: 35.8385, lon: 137.9601 },
  { name: 'さくら歯科医院', kana: 'さくらしかいいん', kind: 'clinic', address: '伊那市高遠町小原150', lat: 35.8298, lon: 138.0701 },
  { name: 'いな耳鼻科', kana: 'いなじびか', kind: 'clinic', address: '伊那市日影230', lat: 35.8322, lon: 137.9620 },
  { name: '高遠食彩館（スーパー）', kana: 'たかとおしょくさいかん', kind: 'supermarket', address: '伊那市高遠町西高遠1690', lat: 35.8327, lon: 138.0571 },
  { name: '伊那ショッピングセンター', kana: 'いなしょっぴんぐせんたー', kind: 'supermarket', address: '伊那市西春近2900', lat: 35.8150, lon: 137.9410 },
  { name: 'ホームセンター伊那', kana: 'ほーむせんたーいな', kind: 'other', address: '伊那市福島1350', lat: 35.8550, lon: 137.9580 },
  { name: '伊那市役所', kana: 'いなしやくしょ', kind: 'city_hall', address: '伊那市下新田3050', lat: 35.8277, lon: 137.9538 },
  { name: '高遠町総合支所', kana: 'たかとおまちそうごうししょ', kind: 'city_hall', address: '伊那市高遠町西高遠810-1', lat: 35.8336, lon: 138.0622 },
  { name: '長谷総合支所', kana: 'はせそうごうししょ', kind: 'city_hall', address: '伊那市長谷溝口1394', lat: 35.7962, lon: 138.0541 },
  { name: '伊那市駅', kana: 'いなしえき', kind: 'station', address: '伊那市荒井3500', lat: 35.8296, lon: 137.9566 },
  { name: '伊那北駅', kana: 'いなきたえき', kind: 'station', address: '伊那市山寺', lat: 35.8417, lon: 137.9609 },
  { name: '高遠バスターミナル', kana: 'たかとおばすたーみなる', kind: 'station', address: '伊那市高遠町西高遠', lat: 35.8330, lon: 138.0610 },
  { name: 'はせ薬局', kana: 'はせやっきょく', kind: 'pharmacy', address: '伊那市長谷溝口1380', lat: 35.7955, lon: 138.0560 },
  { name: '高遠調剤薬局', kana: 'たかとおちょうざいやっきょく', kind: 'pharmacy', address: '伊那市高遠町西高遠1420', lat: 35.8333, lon: 138.0592 },
  { name: '長谷郵便局', kana: 'はせゆうびんきょく', kind: 'other', address: '伊那市長谷溝口1300', lat: 35.7949, lon: 138.0538 },
  { name: '高遠郵便局', kana: 'たかとおゆうびんきょく', kind: 'other', address: '伊那市高遠町西高遠1680', lat: 35.8325, lon: 138.0580 },
  { name: '信用金庫 高遠支店', kana: 'しんようきんこ たかとおしてん', kind: 'other', address: '伊那市高遠町西高遠1700', lat: 35.8322, lon: 138.0568 },
  { name: '道の駅 南アルプスむら長谷', kana: 'みちのえき みなみあるぷすむらはせ', kind: 'other', address: '伊那市長谷非持1400', lat: 35.7853, lon: 138.0574 },
  { name: '高遠さくらホテル（温泉）', kana: 'たかとおさくらほてる', kind: 'other', address: '伊那市高遠町勝間217', lat: 35.8406, lon: 138.0784 },
] as const;

export const DEMO_VEHICLES = [
  { name: 'ぐるっと1号', plate: '松本 500 あ 1001', seats: 4, depotLat: 35.8330, depotLon: 138.0610, shiftStart: '08:30', shiftEnd: '15:30' },
  { name: 'ぐるっと2号', plate: '松本 500 あ 1002', seats: 4, depotLat: 35.8330, depotLon: 138.0610, shiftStart: '08:30', shiftEnd: '15:30' },
  { name: 'ぐるっと3号', plate: '松本 500 あ 1003', seats: 4, depotLat: 35.7962, depotLon: 138.0541, shiftStart: '08:30', shiftEnd: '15:30' },
];
