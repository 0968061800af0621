import { ApartmentOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../shell/modules';
import { UnitPage } from './unit-page';
import { UnitsPage } from './units-page';

/** 单位管理: budget units — the list, the hierarchy, one unit. */
export const directoryModule: ConsoleModule = {
  name: 'directory',
  title: '预算单位',
  icon: <ApartmentOutlined />,
  menu: [{ path: '/units', label: '单位列表', operation: 'Query.budgetUnits' }],
  routes: [
    { path: 'units', element: <UnitsPage /> },
    { path: 'units/:id', element: <UnitPage /> },
  ],
};
