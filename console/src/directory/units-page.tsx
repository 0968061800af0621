import { Card, Radio, Space, Table, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { graphql } from '../gql';
import type { UnitLevel } from '../gql/graphql';
import { QueryError } from '../shell/errors';
import { useGql } from '../shell/hooks';
import { label, optionsOf } from '../shell/labels';

const UnitsQuery = graphql(`
  query Units($page: PageInput, $level: UnitLevel) {
    budgetUnits(page: $page, level: $level) {
      totalCount
      nodes {
        id
        code
        name
        level
        parentId
        divisionCode
        registeredAt
      }
    }
  }
`);

const PAGE = 20;

/** 单位列表: every unit the person may see, as a table or as the tree of bureaus and their units. */
export function UnitsPage() {
  const [view, setView] = useState<'table' | 'tree'>('table');
  const [level, setLevel] = useState<UnitLevel | undefined>();
  const [page, setPage] = useState(1);
  const list = useGql(UnitsQuery, {
    page: view === 'tree' ? { first: 200, offset: 0 } : { first: PAGE, offset: (page - 1) * PAGE },
    level: view === 'tree' ? undefined : level,
  });
  const tree = useMemo(() => {
    const nodes = list.data?.budgetUnits.nodes ?? [];
    const ids = new Set(nodes.map((n) => n.id));
    const childrenOf = (parentId: string | null): { key: string; title: React.ReactNode }[] =>
      nodes
        .filter((n) => (parentId === null ? !n.parentId || !ids.has(n.parentId) : n.parentId === parentId))
        .map((n) => ({
          key: n.id,
          title: <Link to={`/units/${n.id}`}>{`${n.name}（${n.code}）`}</Link>,
          children: childrenOf(n.id),
        }));
    return childrenOf(null);
  }, [list.data]);
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          预算单位
        </Typography.Title>
      }
      extra={
        <Space>
          {view === 'table' && (
            <Radio.Group
              value={level ?? 'ALL'}
              onChange={(e) => {
                setLevel(e.target.value === 'ALL' ? undefined : (e.target.value as UnitLevel));
                setPage(1);
              }}
              options={[{ value: 'ALL', label: '全部' }, ...optionsOf('UnitLevel')]}
              optionType="button"
            />
          )}
          <Radio.Group
            value={view}
            onChange={(e) => setView(e.target.value as 'table' | 'tree')}
            options={[
              { value: 'table', label: '列表' },
              { value: 'tree', label: '层级' },
            ]}
            optionType="button"
          />
        </Space>
      }
    >
      <QueryError error={list.error} />
      {view === 'tree' ? (
        <Tree treeData={tree} defaultExpandAll showLine selectable={false} />
      ) : (
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.budgetUnits.nodes}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: list.data?.budgetUnits.totalCount,
            onChange: setPage,
            showTotal: (total) => `共 ${total} 个单位`,
            showSizeChanger: false,
          }}
          columns={[
            { title: '单位编码', dataIndex: 'code', width: 120 },
            {
              title: '单位名称',
              dataIndex: 'name',
              render: (name: string, u) => <Link to={`/units/${u.id}`}>{name}</Link>,
            },
            { title: '级次', dataIndex: 'level', width: 120, render: (v: string) => label('UnitLevel', v) },
            { title: '行政区划', dataIndex: 'divisionCode', width: 120 },
          ]}
        />
      )}
    </Card>
  );
}
