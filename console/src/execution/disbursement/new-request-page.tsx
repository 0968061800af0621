import { Alert, Card, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { RequestForm } from './request-form';

/** 新建拨款申请: the unit asks to pay out money of one of its issued goals. */
export function NewDisbursementRequestPage() {
  const { unitId, role } = currentSession()!.identity;
  const navigate = useNavigate();
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          新建拨款申请
        </Typography.Title>
      }
    >
      {unitId && can(role, 'Mutation.submitDisbursementRequest') ? (
        <RequestForm
          unitId={unitId}
          onDone={(id) => navigate(`/disbursements/${id}`)}
          onCancel={() => navigate('/disbursements')}
        />
      ) : (
        <Alert type="warning" showIcon message="拨款申请由预算单位提交：您的账号不属于任何单位" />
      )}
    </Card>
  );
}
