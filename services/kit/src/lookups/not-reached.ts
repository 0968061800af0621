import { NotFoundError, type Bilingual } from '@jixiao/events';
import { type UnitScope } from '../auth/scope';

/** Every unit: the scope of a caller (or a system task) that is not limited to some units. */
export const ALL_UNITS: UnitScope = { all: true };

/**
 * NOT_FOUND for a row the caller cannot reach. A caller limited to some units is not told
 * whether a row outside them exists (the same words either way); one that sees every unit
 * learns what to do about a missing row.
 *
 * @example notReached(scope, { zh: '项目', en: 'Project' }, id, { zh: '不存在，请先申报项目', en: 'does not exist; propose it first' })
 */
export function notReached(scope: UnitScope, what: Bilingual, id: string, missing: Bilingual): NotFoundError {
  return new NotFoundError(
    scope.all
      ? { zh: `${what.zh} ${id} ${missing.zh}`, en: `${what.en} ${id} ${missing.en}` }
      : {
          zh: `${what.zh} ${id} 不存在或不在您的权限范围内`,
          en: `${what.en} ${id} was not found or is not in your scope`,
        },
  );
}
