import type { ComponentType, ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { Operation } from './policy';

/** One entry of the left-hand menu. */
export interface MenuEntry {
  /** Path under /console, e.g. `/goals`. */
  path: string;
  label: string;
  icon?: ReactNode;
  /** Shown only to roles the policy lets run this operation (the page's main query or command). */
  operation: Operation;
  /** Within a menu group (the context's title). */
  order?: number;
}

/**
 * A context's part of the console: its pages (routes under /console) and its menu entries. Each
 * context keeps its pages in its own folder (`src/<context>/`) and exports one of these; the list is
 * in `src/modules.ts`.
 */
export interface ConsoleModule {
  name: string;
  /** The menu group's title, e.g. 预算编制. */
  title: string;
  icon?: ReactNode;
  menu: MenuEntry[];
  routes: RouteObject[];
}

/**
 * A route whose page is loaded on its first visit: its code, and what only it uses, stays out of what
 * the browser loads and parses before the first page (工作台) shows.
 */
export const lazyPage = (load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: await load() }),
});
