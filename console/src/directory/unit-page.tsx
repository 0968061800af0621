import { Card, Descriptions, Space, Table } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { graphql } from '../gql';
import { QueryError } from '../shell/errors';
import { when } from '../shell/format';
import { useGql } from '../shell/hooks';
import { label } from '../shell/labels';
import { useFiscalYear } from '../shell/year';

const UnitQuery = graphql(`
  query Unit($id: ID!, $fiscalYear: Int!) {
    budgetUnit(id: $id) {
      id
      code
      name
      level
      divisionCode
      registeredAt
      parent {
        id
        name
        code
      }
    }
    goalCoverage(unitId: $id, fiscalYear: $fiscalYear) {
      fiscalYear
      projects
      projectsWithApprovedGoal
      coverage
    }
  }
`);

/** One unit: what the directory holds, its parent, and its goal coverage. */
export function UnitPage() {
  const { id = '' } = useParams();
  const fiscalYear = useFiscalYear();
  const unit = useGql(UnitQuery, { id, fiscalYear });
  if (unit.error) return <QueryError error={unit.error} />;
  const u = unit.data?.budgetUnit;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={u ? `${u.name}（${u.code}）` : '单位'} loading={unit.isLoading}>
        {u && (
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label="单位编码">{u.code}</Descriptions.Item>
            <Descriptions.Item label="级次">{label('UnitLevel', u.level)}</Descriptions.Item>
            <Descriptions.Item label="上级单位">
              {u.parent ? <Link to={`/units/${u.parent.id}`}>{u.parent.name}</Link> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="行政区划">{u.divisionCode}</Descriptions.Item>
            <Descriptions.Item label="登记时间">{when(u.registeredAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title="绩效目标覆盖率">
        <Table
          rowKey="fiscalYear"
          pagination={false}
          dataSource={unit.data?.goalCoverage}
          columns={[
            { title: '年度', dataIndex: 'fiscalYear' },
            { title: '项目数', dataIndex: 'projects' },
            { title: '已批复目标的项目', dataIndex: 'projectsWithApprovedGoal' },
            { title: '覆盖率', dataIndex: 'coverage', render: (v: number) => `${(v * 100).toFixed(1)}%` },
          ]}
        />
      </Card>
    </Space>
  );
}
