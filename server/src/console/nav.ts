import type { StaffRole } from '../../../db/src/schema';

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: '管理者',
  city_staff: '市職員',
  drone_operator: 'ドローン運航',
  store_staff: '店舗',
  support_worker: '集落支援員',
  driver: '運転手',
  call_centre: 'コールセンター',
};

export interface NavItem {
  label: string;
  href: string;
  roles: StaffRole[];
}

const items: NavItem[] = [];

/** Features add their console pages to the menu of the roles that use them. */
export function addNav(...entries: NavItem[]): void {
  for (const e of entries) if (!items.some((i) => i.href === e.href)) items.push(e);
}

export function navFor(role: StaffRole): NavItem[] {
  return items.filter((i) => role === 'admin' || i.roles.includes(role));
}

const homes = new Map<StaffRole, string>();

/**
 * Features say which page is a role's work of today; `/console` sends the role there. A role with
 * no home lands on the page of links (`/console/menu`).
 */
export function addHome(homesOfFeature: Partial<Record<StaffRole, string>>): void {
  for (const [role, href] of Object.entries(homesOfFeature) as [StaffRole, string][])
    if (!homes.has(role)) homes.set(role, href);
}

export function homeFor(role: StaffRole): string | undefined {
  return homes.get(role);
}
