import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/src';
import { hamlets, sellers, staffSessions, staffUsers, STAFF_ROLES } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { hashPassword, randomToken } from '../lib/crypto';
import { conflict, notFound } from '../lib/errors';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalId = (message: string) =>
  z.preprocess(blank, z.coerce.number({ error: message }).int().positive(message).optional());

const ScopeFields = {
  role: z.enum(STAFF_ROLES, { error: '役割を選んでください' }),
  hamletId: optionalId('集落を選んでください'),
  sellerId: optionalId('店舗を選んでください'),
};

/** A support worker without a hamlet or a store account without a seller would see nothing. */
function scopeRules(
  v: { role: string; hamletId?: number | undefined; sellerId?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (v.role === 'support_worker' && v.hamletId === undefined)
    ctx.addIssue({ code: 'custom', path: ['hamletId'], message: '集落支援員は担当の集落を選んでください' });
  if (v.role === 'store_staff' && v.sellerId === undefined)
    ctx.addIssue({ code: 'custom', path: ['sellerId'], message: '店舗の方は店舗を選んでください' });
}

export const CreateStaffInput = z
  .object({
    loginId: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'ログインIDは半角英小文字・数字・記号(._-)で3〜32文字です'),
    name: z.string().trim().min(1, '名前を入れてください').max(40, '名前は40文字までです'),
    email: z.preprocess(
      blank,
      z.email({ error: 'メールアドレスの形が正しくありません' }).max(120).optional(),
    ),
    /** Empty: a password is made and shown once. */
    password: z.preprocess(
      blank,
      z.string().min(10, 'パスワードは10文字以上にしてください').max(200).optional(),
    ),
    ...ScopeFields,
  })
  .superRefine(scopeRules);
export type CreateStaffInput = z.infer<typeof CreateStaffInput>;

export const UpdateStaffInput = z
  .object({
    name: z.string().trim().min(1, '名前を入れてください').max(40, '名前は40文字までです'),
    email: z.preprocess(
      blank,
      z.email({ error: 'メールアドレスの形が正しくありません' }).max(120).optional(),
    ),
    ...ScopeFields,
  })
  .superRefine(scopeRules);
export type UpdateStaffInput = z.infer<typeof UpdateStaffInput>;

/** Readable and long enough: 16 characters of base64url (96 bits). */
const newPassword = () => randomToken(12);

async function checkScopeRows(db: Db, v: { hamletId?: number | undefined; sellerId?: number | undefined }) {
  if (
    v.hamletId !== undefined &&
    !(await db.select({ id: hamlets.id }).from(hamlets).where(eq(hamlets.id, v.hamletId)).get())
  )
    throw notFound('Hamlet');
  if (
    v.sellerId !== undefined &&
    !(await db.select({ id: sellers.id }).from(sellers).where(eq(sellers.id, v.sellerId)).get())
  )
    throw notFound('Seller');
}

/** Only the scope the role uses is kept, so a former store account keeps no seller around. */
const scopeOf = (v: UpdateStaffInput) => ({
  role: v.role,
  hamletId: v.role === 'support_worker' ? (v.hamletId ?? null) : null,
  sellerId: v.role === 'store_staff' ? (v.sellerId ?? null) : null,
});

export async function createStaffAccount(db: Db, actor: Actor, input: CreateStaffInput, now: Date) {
  await checkScopeRows(db, input);
  const password = input.password ?? newPassword();
  const passwordHash = await hashPassword(password);
  const id = await db.transaction(async (tx) => {
    if (
      await tx
        .select({ id: staffUsers.id })
        .from(staffUsers)
        .where(eq(staffUsers.loginId, input.loginId))
        .get()
    )
      throw conflict('login_taken', `ログインID「${input.loginId}」はもう使われています`);
    const row = await tx
      .insert(staffUsers)
      .values({
        loginId: input.loginId,
        name: input.name,
        email: input.email ?? null,
        passwordHash,
        createdAt: now,
        ...scopeOf(input),
      })
      .returning({ id: staffUsers.id })
      .get();
    await recordAudit(tx, now, actor, 'staff.create', 'staff_user', row.id, { role: input.role });
    return row.id;
  });
  return { id, password: input.password === undefined ? password : null };
}

export async function updateStaffAccount(
  db: Db,
  actor: Actor,
  staffId: number,
  input: UpdateStaffInput,
  now: Date,
) {
  await checkScopeRows(db, input);
  await db.transaction(async (tx) => {
    const current = await tx.select().from(staffUsers).where(eq(staffUsers.id, staffId)).get();
    if (!current) throw notFound('Staff user');
    if (staffId === actor.id && input.role !== current.role)
      throw conflict('own_role', '自分の役割は変えられません（別の管理者に頼んでください）');
    await tx
      .update(staffUsers)
      .set({ name: input.name, email: input.email ?? null, ...scopeOf(input) })
      .where(eq(staffUsers.id, staffId))
      .run();
    // A changed role or scope takes effect now, not when an open session ends.
    if (
      current.role !== input.role ||
      current.hamletId !== scopeOf(input).hamletId ||
      current.sellerId !== scopeOf(input).sellerId
    )
      await tx.delete(staffSessions).where(eq(staffSessions.staffId, staffId)).run();
    await recordAudit(tx, now, actor, 'staff.update', 'staff_user', staffId, {
      from: current.role,
      role: input.role,
    });
  });
}

export async function setStaffDisabled(db: Db, actor: Actor, staffId: number, disabled: boolean, now: Date) {
  if (staffId === actor.id) throw conflict('own_account', '自分のアカウントは停止できません');
  await db.transaction(async (tx) => {
    const r = await tx
      .update(staffUsers)
      .set({ disabledAt: disabled ? now : null })
      .where(and(eq(staffUsers.id, staffId), ne(staffUsers.id, actor.id ?? -1)))
      .run();
    if (r.changes !== 1) throw notFound('Staff user');
    if (disabled) await tx.delete(staffSessions).where(eq(staffSessions.staffId, staffId)).run();
    await recordAudit(tx, now, actor, disabled ? 'staff.disable' : 'staff.enable', 'staff_user', staffId);
  });
}

/** A new password, shown once to the admin; every open session of the account ends. */
export async function resetStaffPassword(db: Db, actor: Actor, staffId: number, now: Date): Promise<string> {
  // Resetting one's own password here would end the very session that shows the new one.
  if (staffId === actor.id) throw conflict('own_account', '自分のパスワードはここでは再発行できません');
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const r = await tx.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, staffId)).run();
    if (r.changes !== 1) throw notFound('Staff user');
    await tx.delete(staffSessions).where(eq(staffSessions.staffId, staffId)).run();
    await recordAudit(tx, now, actor, 'staff.password_reset', 'staff_user', staffId);
  });
  return password;
}
