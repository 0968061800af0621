import { HomeOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../shell/modules';
import { HomePage } from './home-page';

/** 工作台: the person's to-do list and the year's figures. */
export const homeModule: ConsoleModule = {
  name: 'home',
  title: '工作台',
  // every role reads the units it may see: the home entry is everyone's
  menu: [{ path: '/', label: '工作台', icon: <HomeOutlined />, operation: 'Query.budgetUnits' }],
  routes: [{ index: true, element: <HomePage /> }],
};
