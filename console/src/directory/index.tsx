import { ApartmentOutlined } from '@ant-design/icons';
import { lazyPage, type ConsoleModule } from '../shell/modules';

/** 单位管理: budget units — the list, the hierarchy, one unit. */
export const directoryModule: ConsoleModule = {
  name: 'directory',
  title: '预算单位',
  icon: <ApartmentOutlined />,
  menu: [{ path: '/units', label: '单位列表', operation: 'Query.budgetUnits' }],
  routes: [
    { path: 'units', ...lazyPage(() => import('./units-page').then((m) => m.UnitsPage)) },
    { path: 'units/:id', ...lazyPage(() => import('./unit-page').then((m) => m.UnitPage)) },
  ],
};
