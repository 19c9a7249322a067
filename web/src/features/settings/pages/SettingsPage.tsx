import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { PageHeader } from '../../../ui/PageHeader';
import { ChannelsTab } from '../../channels/pages/ChannelsTab';
import { ApiKeysTab } from './ApiKeysTab';
import { AuditLogTab } from './AuditLogTab';
import { ConsentTab } from './ConsentTab';
import { CustomerFieldsTab } from './CustomerFieldsTab';
import { IngestionKeysTab } from './IngestionKeysTab';
import { MembersTab } from './MembersTab';

const useStyles = makeStyles({ tabs: { marginBottom: tokens.spacingVerticalL } });

const TABS = [
  { id: 'members', label: 'Members', permission: 'workspace:read', element: <MembersTab /> },
  { id: 'api-keys', label: 'API keys', permission: 'apiKeys:manage', element: <ApiKeysTab /> },
  { id: 'ingestion-keys', label: 'Ingestion keys', permission: 'ingestionKeys:manage', element: <IngestionKeysTab /> },
  { id: 'channels', label: 'Channels', permission: 'workspace:read', element: <ChannelsTab /> },
  { id: 'consent', label: 'Consent', permission: 'customers:read', element: <ConsentTab /> },
  { id: 'customer-fields', label: 'Customer fields', permission: 'customers:read', element: <CustomerFieldsTab /> },
  { id: 'audit', label: 'Audit log', permission: 'audit:read', element: <AuditLogTab /> },
] as const;

export function SettingsPage() {
  const styles = useStyles();
  const { can, viewer } = useAuth();
  const { tab = 'members' } = useParams();
  const navigate = useNavigate();
  const visible = TABS.filter((t) => can(t.permission));
  const current = visible.find((t) => t.id === tab);
  if (!current) return <Navigate to="/settings/members" replace />;
  return (
    <>
      <PageHeader title="Settings" description={`Workspace ${viewer.workspace?.name ?? ''}`} />
      <TabList className={styles.tabs} selectedValue={current.id} onTabSelect={(_e, d) => navigate(`/settings/${String(d.value)}`)}>
        {visible.map((t) => (
          <Tab key={t.id} value={t.id}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {current.element}
    </>
  );
}
