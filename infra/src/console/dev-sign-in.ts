import { mintToken, ROLE_LABELS, ROLES, tokenExpiresAt, type Role } from '@jixiao/service-kit';
import type { AuthConfig } from '../config/config';
import { loadOrCreateDevKey } from '../auth/dev-key';
import type { DemoIdentities, DevSignIn } from './console-site';

/** The demo data's people per role (services/*\/src/generator*): who acted in the demo city-year. */
const DEMO_USERS: Partial<Record<Role, string[]>> = {
  PERFORMANCE_SECTION: ['li.na'],
  BUDGET_SECTION: ['wang.fang'],
  ADMIN: ['chen.jing'],
  AUDITOR: ['zhou.shen'],
  NPC: ['npc.zhao'],
  PERSONNEL: ['hr.sun'],
  AGENCY: ['agency.tianheng'],
};

const UNITS = `{ budgetUnits(page: { first: 200 }) { nodes { id name code level } } }`;
/** The agency directory (services/evaluation/src/agency): an AGENCY user's token names its agency as its unit. */
const AGENCIES = `{ agencies(page: { first: 50 }) { nodes { id name } } }`;
/** Which demo agency each demo AGENCY user works for: the first the demo year buys in (agency.generator.ts). */
const AGENCY_OF_USER: Record<string, string> = { 'agency.tianheng': '天衡' };
/**
 * The demo year's expert pool (services/planning/src/generator: expert.001 … expert.040); the sign-in
 * lists first those the demo year named as scorers, found with one aliased query.
 */
const EXPERT_POOL = Array.from({ length: 40 }, (_, n) => `expert.${String(n + 1).padStart(3, '0')}`);
/** The gateway allows 15 aliases a document: the pool is asked in chunks. */
const ALIASES = 15;
const scorersQuery = (ids: string[]) =>
  `{ ${ids.map((id) => `e${EXPERT_POOL.indexOf(id)}: assignments(kind: PRE_ASSESSMENT, userId: "${id}") { subjectId }`).join(' ')} }`;
const SCORERS = Array.from({ length: Math.ceil(EXPERT_POOL.length / ALIASES) }, (_, n) =>
  scorersQuery(EXPERT_POOL.slice(n * ALIASES, (n + 1) * ALIASES)),
);
/** How long the demo people stay cached: units registered meanwhile appear within this. */
const CACHE_MS = 10_000;
/** A console session's token lives this long; the console signs the person out at expiry. */
const SESSION = '8h';

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string }[];
}

/**
 * Embedded mode's sign-in: the demo data's units and people, read through the platform's own
 * GraphQL endpoint as an auditor, and tokens signed with the dev key. Undefined unless tokens are
 * checked against the dev key (not in production, not with a bureau's identity provider).
 */
export function devSignIn(auth: AuthConfig, graphqlUrl: () => string): DevSignIn | undefined {
  if (auth.key.kind !== 'dev') return undefined;
  const { privateKey } = loadOrCreateDevKey(auth.key.file);
  const mint = async (claims: { userId: string; role: Role; unitId: string | null }) => {
    const token = await mintToken(privateKey, claims, {
      issuer: auth.issuer,
      audience: auth.audience,
      expiresIn: SESSION,
    });
    return { token, expiresAt: tokenExpiresAt(token) ?? 0 };
  };
  const ask = async <T>(query: string): Promise<T> => {
    const { token } = await mint({ userId: 'console.sign-in', role: 'AUDITOR', unitId: null });
    const response = await fetch(graphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const answer = (await response.json()) as GraphQLAnswer<T>;
    if (!answer.data) throw new Error(answer.errors?.map((error) => error.message).join('; ') ?? 'no data');
    return answer.data;
  };
  let cached: { at: number; identities: Promise<DemoIdentities> } | undefined;
  /** The demo AGENCY users' agency ids, as last loaded with the identities. */
  let agencyIds = new Map<string, string>();
  const loadAgencies = async () => {
    const { agencies } = await ask<{ agencies: { nodes: { id: string; name: string }[] } }>(AGENCIES).catch(() => ({
      agencies: { nodes: [] },
    }));
    agencyIds = new Map(
      Object.entries(AGENCY_OF_USER).flatMap(([user, name]) => {
        const agency = agencies.nodes.find((a) => a.name.includes(name));
        return agency ? [[user, agency.id] as const] : [];
      }),
    );
  };
  const load = async (): Promise<DemoIdentities> => {
    const [{ budgetUnits }, , ...chunks] = await Promise.all([
      ask<{ budgetUnits: { nodes: DemoIdentities['units'] } }>(UNITS),
      loadAgencies(),
      ...SCORERS.map((query) => ask<Record<string, { subjectId: string }[]>>(query)),
    ]);
    const scorers = Object.assign({}, ...chunks) as Record<string, { subjectId: string }[]>;
    const assigned = EXPERT_POOL.filter((_, n) => (scorers[`e${n}`]?.length ?? 0) > 0);
    const experts = [...assigned, ...EXPERT_POOL.filter((id) => !assigned.includes(id))];
    return {
      units: budgetUnits.nodes,
      roles: ROLES.map((role) => ({
        role,
        label: ROLE_LABELS[role],
        needsUnit: role === 'BUDGET_UNIT' || role === 'DEPARTMENT',
        users: role === 'EXPERT' ? experts : (DEMO_USERS[role] ?? []),
      })),
    };
  };
  const identities = () => {
    if (!cached || Date.now() - cached.at > CACHE_MS) {
      const loading = load();
      cached = { at: Date.now(), identities: loading };
      loading.catch(() => (cached = undefined));
    }
    return cached.identities;
  };
  return {
    // an AGENCY user's unit is its agency (docs/identity-and-access.md), found with the identities
    mint: async (claims) => {
      if (claims.role !== 'AGENCY') return mint(claims);
      await identities().catch(() => undefined);
      return mint({ ...claims, unitId: agencyIds.get(claims.userId) ?? null });
    },
    identities,
  };
}
