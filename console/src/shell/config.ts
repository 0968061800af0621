/** What the platform tells the console at `/console/config.json`: how people sign in. */
export type ConsoleConfig =
  | { auth: 'dev'; graphqlPath: string }
  | { auth: 'oidc'; graphqlPath: string; oidc: { authority: string; clientId: string; scope: string } };

let loaded: Promise<ConsoleConfig> | undefined;

export function consoleConfig(): Promise<ConsoleConfig> {
  loaded ??= fetch(`${import.meta.env.BASE_URL}config.json`).then(async (response) => {
    if (!response.ok) throw new Error(`平台配置读取失败 (HTTP ${response.status})`);
    return (await response.json()) as ConsoleConfig;
  });
  return loaded;
}
