import { Avatar, Flex, Typography } from 'antd';
import { useTenantSession } from '../auth/tenant-session-context';

/** The county's logo (or its first character) and name, as /auth/me gives them. */
export function TenantBrand() {
  const { tenant } = useTenantSession();
  return (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <Avatar shape="square" src={tenant.logoUrl ?? undefined} style={{ flex: 'none', backgroundColor: '#1677ff' }}>
        {tenant.name.slice(0, 1)}
      </Avatar>
      <Typography.Text strong ellipsis style={{ fontSize: 16 }} data-testid="tenant-name">
        {tenant.name}
      </Typography.Text>
    </Flex>
  );
}
