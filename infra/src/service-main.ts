import 'reflect-metadata';
import { loadDistributedConfig, runProcess, subgraphNameOf } from './distributed/runtime';
import { startServiceProcess } from './distributed/service';

/** `node infra/dist/service-main.js planning`: one subgraph as its own process, on `JIXIAO_PORT`. */
runProcess('service', async () => {
  const name = subgraphNameOf(process.argv[2]);
  const { config, postgres, distributed } = loadDistributedConfig(process.env, { internalSecret: true });
  const service = await startServiceProcess(name, { config, postgres, distributed });
  console.log(`${name} service ready: ${service.url}`);
  return service.close;
});
