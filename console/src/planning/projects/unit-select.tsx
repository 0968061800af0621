import { Select } from 'antd';
import { graphql } from '../../gql';
import { useGql } from '../../shell/hooks';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';

const UnitOptionsQuery = graphql(`
  query PlanningUnitOptions {
    budgetUnits(page: { first: 200 }) {
      nodes {
        id
        code
        name
      }
    }
  }
`);

/** A budget unit picker over the units the person may see (a unit sees itself, a department its tree). */
export function UnitSelect({
  value,
  onChange,
  ariaLabel,
  allowClear = true,
  placeholder = '全部单位',
  width = 240,
}: {
  value?: string;
  onChange?: (unitId?: string) => void;
  ariaLabel: string;
  allowClear?: boolean;
  placeholder?: string;
  width?: number;
}) {
  const role = currentSession()?.identity.role;
  const units = useGql(UnitOptionsQuery, {}, { enabled: !!role && can(role, 'Query.budgetUnits') });
  return (
    <Select
      aria-label={ariaLabel}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      style={{ width }}
      value={value}
      loading={units.isLoading}
      onChange={(next?: string) => onChange?.(next)}
      options={units.data?.budgetUnits.nodes.map((unit) => ({ value: unit.id, label: `${unit.name}（${unit.code}）` }))}
    />
  );
}
