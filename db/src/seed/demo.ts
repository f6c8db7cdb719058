import type { StaffRole } from '../schema';

/**
 * The documented demo: every staff login uses DEMO_PASSWORD; set-top box n (1-based) of the
 * demo has the token demoBoxToken(n). Never use these outside the demo.
 */
export const DEMO_PASSWORD = 'engawa-demo';

export const demoBoxToken = (n: number) => `demo-box-token-${String(n).padStart(2, '0')}`;
export const demoDeviceId = (n: number) => `STB-DEMO-${String(n).padStart(4, '0')}`;

export interface DemoStaff {
  loginId: string;
  name: string;
  role: StaffRole;
  email: string;
  /** index into DEMO_HAMLETS (support workers) */
  hamlet?: number;
  /** 'supermarket' | 'drugstore' (store staff) */
  seller?: 'supermarket' | 'drugstore';
}

export const DEMO_STAFF: DemoStaff[] = [
  { loginId: 'admin', name: '管理 太郎', role: 'admin', email: 'admin@city.example.jp' },
  { loginId: 'city', name: '市川 みどり', role: 'city_staff', email: 'kourei@city.example.jp' },
  { loginId: 'drone', name: '空野 翔', role: 'drone_operator', email: 'drone@city.example.jp' },
  {
    loginId: 'store',
    name: '西沢 勝',
    role: 'store_staff',
    email: 'store@market.example.jp',
    seller: 'supermarket',
  },
  {
    loginId: 'store-drug',
    name: '薬師 恵',
    role: 'store_staff',
    email: 'store@drug.example.jp',
    seller: 'drugstore',
  },
  {
    loginId: 'support',
    name: '支援 久美子',
    role: 'support_worker',
    email: 'shien-nakao@city.example.jp',
    hamlet: 0,
  },
  {
    loginId: 'support-2',
    name: '谷口 誠',
    role: 'support_worker',
    email: 'shien-2@city.example.jp',
    hamlet: 1,
  },
  { loginId: 'driver', name: '運転 一郎', role: 'driver', email: 'driver1@taxi.example.jp' },
  { loginId: 'driver-2', name: '車田 次郎', role: 'driver', email: 'driver2@taxi.example.jp' },
  { loginId: 'driver-3', name: '道下 三郎', role: 'driver', email: 'driver3@taxi.example.jp' },
  { loginId: 'callcentre', name: '電話 和子', role: 'call_centre', email: 'call@city.example.jp' },
];
