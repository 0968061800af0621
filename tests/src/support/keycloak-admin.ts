import { randomBytes } from 'node:crypto';

/** The parts of Keycloak's admin REST API the OIDC tests use, as the bootstrap administrator. */
export interface KeycloakAdmin {
  /** An access token of the master realm (admin-cli, password grant): a token from another realm. */
  masterToken(): Promise<string>;
  /** A copy of a client of the jixiao realm under a new client id (`as`, or a random one), with some attributes changed; removed by dispose. */
  copyClient(clientId: string, attributes: Record<string, string>, as?: string): Promise<string>;
  dispose(): Promise<void>;
}

/** Signs in to the master realm with JIXIAO_KEYCLOAK_ADMIN / _PASSWORD (admin / admin, as start.sh). */
export async function keycloakAdmin(origin: string, realm = 'jixiao'): Promise<KeycloakAdmin> {
  const masterToken = async () => {
    const response = await fetch(`${origin}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'admin-cli',
        username: process.env.JIXIAO_KEYCLOAK_ADMIN ?? 'admin',
        password: process.env.JIXIAO_KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
      }),
    });
    if (!response.ok) throw new Error(`Keycloak admin sign-in: HTTP ${response.status} ${await response.text()}`);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${origin}/admin/realms/${realm}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${await masterToken()}`, 'content-type': 'application/json' },
    });
    if (!response.ok) throw new Error(`Keycloak admin ${init.method ?? 'GET'} ${path}: HTTP ${response.status}`);
    return response;
  };
  const created: string[] = [];
  return {
    masterToken,
    async copyClient(clientId, attributes, as) {
      const [original] = (await (await api(`/clients?clientId=${encodeURIComponent(clientId)}`)).json()) as Record<
        string,
        unknown
      >[];
      if (!original) throw new Error(`no client ${clientId} in the realm ${realm}`);
      const copyId = as ?? `${clientId}-test-${randomBytes(4).toString('hex')}`;
      const { id: _id, protocolMappers, ...rest } = original as { id: string; protocolMappers?: { id?: string }[] };
      const copy = {
        ...rest,
        clientId: copyId,
        attributes: { ...(original.attributes as Record<string, string>), ...attributes },
        protocolMappers: (protocolMappers ?? []).map(({ id: _mapper, ...mapper }) => mapper),
      };
      const response = await api('/clients', { method: 'POST', body: JSON.stringify(copy) });
      created.push(response.headers.get('location')!.split('/').pop()!);
      return copyId;
    },
    async dispose() {
      for (const id of created.splice(0)) await api(`/clients/${id}`, { method: 'DELETE' });
    },
  };
}
