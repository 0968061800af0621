/** The Redis the integration tests use (`JIXIAO_TEST_REDIS_URL`, default the local one). */
export const TEST_REDIS_URL = process.env.JIXIAO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
