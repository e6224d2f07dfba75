/** @module Orgs and members, found or provisioned: what the session routes and the demo seed share. */
import type { Role } from '@connectgain/contracts'
import { type Db, memberships, newId, organizations, users } from '@connectgain/db'
import { and, eq } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Caller } from '../../caller.ts'
import type { Clock } from '../../clock.ts'
import { orgDefaultStatements } from '../../rest/org-defaults.ts'
import type { Registry } from '../../rest/registry.ts'
import { auditStatement } from '../audit/audit-log.ts'
import { keepAnOwner } from '../team/role-rules.ts'

export const DEMO_ORG = { slug: 'acme', name: 'Acme Inc' } as const

const titleCase = (slug: string) =>
  slug.replace(/(^|-)([a-z0-9])/g, (_, sep, ch) => `${sep ? ' ' : ''}${ch.toUpperCase()}`)

/** The org with `slug`, created (UTC, USD) on first use with every resource's defaults from `registry`. */
export async function ensureOrg(
  db: Db,
  clock: Clock,
  registry: Registry,
  slug: string,
  name = titleCase(slug),
) {
  const [existing] = await db.select().from(organizations).where(eq(organizations.slug, slug))
  if (existing) return { org: existing, created: false }
  const now = clock.now().toISOString()
  const id = newId('org')
  const [[org]] = await db.batch([
    db
      .insert(organizations)
      .values({ id, name, slug, created_at: now, updated_at: now })
      .onConflictDoNothing()
      .returning(),
    ...orgDefaultStatements(db, registry, id, now),
  ])
  if (org) return { org, created: true }
  // A concurrent first use won the race: read what it wrote.
  const [winner] = await db.select().from(organizations).where(eq(organizations.slug, slug))
  if (!winner) throw new Error(`organization ${slug} vanished while being created`)
  return { org: winner, created: false }
}

/**
 * Finds or provisions the member with `email` in `orgId`. `role`, when given, becomes the member's
 * role; otherwise an existing member keeps theirs and a new one joins as `fallbackRole`. With an
 * `actor` (a function acting for a caller), an added member or a changed role is audited in the same batch.
 */
export async function ensureMember(
  db: Db,
  clock: Clock,
  input: {
    orgId: string
    email: string
    name?: string | undefined
    role?: Role | undefined
    fallbackRole?: Role
  },
  actor?: Caller,
): Promise<{ userId: string; role: Role }> {
  const now = clock.now().toISOString()
  const audit = (change: Parameters<typeof auditStatement>[1]) =>
    actor ? [auditStatement({ db, caller: actor, now }, change)] : []
  const [user] = await db.select().from(users).where(eq(users.email, input.email))
  const userId = user?.id ?? newId('usr')
  const [membership] = user
    ? await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.org_id, input.orgId), eq(memberships.user_id, user.id)))
    : []
  const role = input.role ?? membership?.role ?? input.fallbackRole ?? 'agent'
  if (user && membership) {
    if (membership.role !== role) {
      // Your backend provisions any role here, but never leaves the org without an owner.
      if (membership.role === 'owner') await keepAnOwner(db, input.orgId, 1)
      await db.batch([
        db.update(memberships).set({ role }).where(eq(memberships.id, membership.id)),
        ...audit({
          action: 'update',
          resource: 'members',
          rowId: membership.id,
          before: membership,
          after: { ...membership, role },
        }),
      ])
    }
    return { userId, role }
  }
  const member = {
    id: newId('mem'),
    org_id: input.orgId,
    user_id: userId,
    role,
    email: user?.email ?? input.email,
    name: user?.name ?? input.name ?? null,
    created_at: now,
  }
  const writes: BatchItem<'sqlite'>[] = [
    ...(user
      ? []
      : [
          db
            .insert(users)
            .values({ id: userId, email: input.email, name: input.name ?? null, created_at: now }),
        ]),
    db.insert(memberships).values(member),
    ...audit({ action: 'insert', resource: 'members', rowId: member.id, before: null, after: member }),
  ]
  await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  return { userId, role }
}

/** The member of `slug`'s org who has `role` in the demo data: `<role>@<slug>.test`. */
export const demoEmail = (role: Role, slug: string) => `${role.replaceAll('_', '-')}@${slug}.test`
