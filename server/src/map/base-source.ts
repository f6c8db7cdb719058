import { DEMO_DRONE_PORT, DEMO_HAMLETS } from '../../../db/src/seed/places';

/**
 * Source geodata of the offline base map: the 長谷 valley east of 伊那市 and the roads down to the
 * city. Hand-authored from general knowledge of the area (river courses, road numbers, the two dam
 * lakes), traced coarsely and in the same frame as the demo's hamlets, so it is a sketch map, not a
 * survey: good enough that an operator recognises where a stop is, never a source of distances.
 * `scripts/build-map.ts` turns it into `base-layer.json` (smoothed, simplified, rounded), which the
 * map script loads. Points are [lon, lat], as GeoJSON has them.
 */
export type SourceLineKind = 'river' | 'stream' | 'national_road' | 'pref_road' | 'local_road' | 'rail';
export type SourceLabelKind = 'town' | 'hamlet' | 'water' | 'landmark' | 'road_ref';

export interface SourceLine {
  kind: SourceLineKind;
  name: string;
  /** Road number shown in a shield, e.g. '152'. */
  ref?: string;
  points: [number, number][];
}
export interface SourceArea {
  kind: 'lake';
  name: string;
  ring: [number, number][];
}
export interface SourceLabel {
  kind: SourceLabelKind;
  name: string;
  lon: number;
  lat: number;
}
export interface BaseSource {
  lines: SourceLine[];
  areas: SourceArea[];
  labels: SourceLabel[];
}

const hamlet = (name: string): [number, number] => {
  const h = DEMO_HAMLETS.find((x) => x.name === name)!;
  return [h.lon, h.lat];
};

export const BASE_SOURCE: BaseSource = {
  lines: [
    {
      kind: 'river',
      name: '天竜川',
      points: [
        [137.9735, 35.875],
        [137.9668, 35.858],
        [137.9625, 35.843],
        [137.9585, 35.829],
        [137.9512, 35.812],
        [137.9468, 35.795],
        [137.9402, 35.776],
        [137.9355, 35.752],
      ],
    },
    {
      kind: 'river',
      name: '三峰川',
      points: [
        [137.9628, 35.8446],
        [137.978, 35.8402],
        [137.996, 35.8372],
        [138.012, 35.8318],
        [138.028, 35.8296],
        [138.0415, 35.8262],
        [138.047, 35.8247],
        [138.058, 35.8232],
        [138.0625, 35.8195],
        [138.0622, 35.8132],
        [138.0608, 35.8075],
        [138.0636, 35.8035],
        [138.0675, 35.7985],
        [138.0648, 35.7915],
        [138.0632, 35.7842],
        [138.0668, 35.7768],
        [138.0728, 35.7702],
        [138.0752, 35.7612],
        [138.0768, 35.7528],
        [138.0808, 35.7452],
        [138.0842, 35.7388],
        [138.0906, 35.7312],
        [138.0982, 35.7232],
        [138.1045, 35.7165],
      ],
    },
    {
      kind: 'stream',
      name: '黒川',
      points: [
        [138.0455, 35.7428],
        [138.0552, 35.7478],
        [138.0628, 35.7512],
        [138.0692, 35.7548],
        [138.0752, 35.7585],
      ],
    },
    {
      kind: 'stream',
      name: '山室川',
      points: [
        [138.1045, 35.8452],
        [138.0902, 35.8392],
        [138.0782, 35.8336],
        [138.0672, 35.8278],
        [138.0618, 35.8228],
      ],
    },
    {
      kind: 'stream',
      name: '藤沢川',
      points: [
        [138.0812, 35.8705],
        [138.0735, 35.8575],
        [138.0672, 35.8452],
        [138.0638, 35.8352],
        [138.0592, 35.8242],
      ],
    },
    {
      kind: 'stream',
      name: '粟沢川',
      points: [
        [138.0985, 35.8065],
        [138.0905, 35.8012],
        [138.0805, 35.7992],
        [138.0702, 35.7982],
      ],
    },
    {
      kind: 'national_road',
      name: '国道361号',
      ref: '361',
      points: [
        [137.9545, 35.8352],
        [137.9712, 35.8398],
        [137.9905, 35.8405],
        [138.0095, 35.8358],
        [138.0258, 35.8342],
        [138.0418, 35.8352],
        [138.0552, 35.8348],
        [138.0632, 35.8342],
      ],
    },
    {
      kind: 'national_road',
      name: '国道152号',
      ref: '152',
      points: [
        [138.0632, 35.8342],
        [138.0672, 35.8275],
        [138.0662, 35.8205],
        [138.0598, 35.8152],
        [138.0552, 35.8062],
        [138.0545, 35.7982],
        hamlet('溝口'),
        [138.0572, 35.7872],
        [138.0618, 35.7792],
        [138.0668, 35.7742],
        hamlet('杉島'),
        [138.0738, 35.7632],
        [138.0745, 35.7542],
        [138.0788, 35.7462],
        [138.0838, 35.7412],
        hamlet('市野瀬'),
        [138.0935, 35.7302],
        [138.1012, 35.7212],
        [138.1072, 35.7138],
      ],
    },
    {
      kind: 'pref_road',
      name: '浦への県道',
      points: [
        [138.0552, 35.8062],
        [138.0628, 35.8098],
        [138.0722, 35.8065],
        [138.0802, 35.8032],
        hamlet('浦'),
        [138.0985, 35.8038],
      ],
    },
    {
      kind: 'pref_road',
      name: '荊口への県道',
      points: [[138.0672, 35.8275], [138.0702, 35.8238], hamlet('荊口'), [138.0752, 35.8152]],
    },
    {
      kind: 'local_road',
      name: '非持山への道',
      points: [hamlet('溝口'), [138.0492, 35.8012], [138.0442, 35.8072], hamlet('非持山')],
    },
    {
      kind: 'local_road',
      name: '黒河内への道',
      points: [[138.0745, 35.7542], [138.0702, 35.7532], hamlet('黒河内'), [138.0585, 35.7498]],
    },
    {
      kind: 'local_road',
      name: '中尾への道',
      points: [[138.0738, 35.7632], [138.0772, 35.7612], hamlet('中尾'), [138.0862, 35.7575]],
    },
    {
      kind: 'local_road',
      name: 'ドローンポートへの道',
      points: [
        [138.0572, 35.7872],
        [DEMO_DRONE_PORT.lon, DEMO_DRONE_PORT.lat],
      ],
    },
    {
      kind: 'national_road',
      name: '国道153号',
      ref: '153',
      points: [
        [137.9705, 35.8752],
        [137.9632, 35.8565],
        [137.9578, 35.8412],
        [137.9545, 35.8352],
        [137.9498, 35.8205],
        [137.9428, 35.8052],
        [137.9362, 35.7852],
      ],
    },
    {
      kind: 'rail',
      name: 'JR飯田線',
      points: [
        [137.9602, 35.8752],
        [137.9558, 35.8552],
        [137.9528, 35.8382],
        [137.9512, 35.8285],
        [137.9468, 35.8152],
        [137.9402, 35.7952],
        [137.9348, 35.7752],
      ],
    },
  ],
  areas: [
    {
      kind: 'lake',
      name: '美和湖',
      ring: [
        [138.0612, 35.8108],
        [138.0648, 35.8062],
        [138.0672, 35.8012],
        [138.0702, 35.7975],
        [138.0688, 35.7938],
        [138.0652, 35.7922],
        [138.0628, 35.7962],
        [138.0602, 35.8015],
        [138.0585, 35.8072],
        [138.0612, 35.8108],
      ],
    },
    {
      kind: 'lake',
      name: '高遠湖',
      ring: [
        [138.0432, 35.8272],
        [138.0502, 35.8262],
        [138.0572, 35.8248],
        [138.0582, 35.8226],
        [138.0512, 35.8234],
        [138.0442, 35.8248],
        [138.0432, 35.8272],
      ],
    },
  ],
  labels: [
    { kind: 'town', name: '伊那市街', lon: 137.9585, lat: 35.8305 },
    { kind: 'town', name: '高遠', lon: 138.0632, lat: 35.8372 },
    { kind: 'town', name: '長谷', lon: 138.0495, lat: 35.7905 },
    ...DEMO_HAMLETS.map((h) => ({ kind: 'hamlet' as const, name: h.name, lon: h.lon, lat: h.lat })),
    { kind: 'water', name: '美和湖', lon: 138.0646, lat: 35.8012 },
    { kind: 'water', name: '高遠湖', lon: 138.0505, lat: 35.8254 },
    { kind: 'water', name: '三峰川', lon: 138.0128, lat: 35.8318 },
    { kind: 'water', name: '三峰川', lon: 138.0822, lat: 35.7432 },
    { kind: 'water', name: '天竜川', lon: 137.9452, lat: 35.7902 },
    { kind: 'water', name: '黒川', lon: 138.0552, lat: 35.7478 },
    { kind: 'water', name: '山室川', lon: 138.0902, lat: 35.8392 },
    { kind: 'landmark', name: '高遠城址公園', lon: 138.0668, lat: 35.8338 },
    { kind: 'landmark', name: '分杭峠方面', lon: 138.1042, lat: 35.7165 },
    { kind: 'road_ref', name: '152', lon: 138.0545, lat: 35.8102 },
    { kind: 'road_ref', name: '152', lon: 138.0745, lat: 35.7582 },
    { kind: 'road_ref', name: '361', lon: 138.0095, lat: 35.8358 },
    { kind: 'road_ref', name: '153', lon: 137.9498, lat: 35.8205 },
  ],
};
