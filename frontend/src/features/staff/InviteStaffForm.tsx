import { useState } from 'react';
import { Alert, Button, Stack, TextInput, Title } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import { useInviteStaff } from './useInviteStaff';
import { RoleScopesFields } from './RoleScopesFields';
import { requestFor, type Role } from './staffRoles';

export function InviteStaffForm() {
  const { t } = useT();
  const invite = useInviteStaff();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('SECRETARY');
  const [extra, setExtra] = useState<string[]>([]);
  const [invited, setInvited] = useState<string | null>(null);
  const empty = role === 'CUSTOM' && extra.length === 0;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setInvited(null);
        const address = email.trim();
        invite.mutate({ email: address, ...requestFor(role, extra) }, {
          onSuccess: () => { setInvited(address); setEmail(''); setExtra([]); },
        });
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">{t('staff.add')}</Title>
        <TextInput label={t('staff.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} w={320} />
        <RoleScopesFields idPrefix="invite" role={role} extra={extra} onRole={setRole} onExtra={setExtra} />
        {empty && <Alert color="yellow.9">{t('staff.customNeedsScope')}</Alert>}
        <ErrorAlert error={invite.error} />
        {invited && <Alert color="green.9" role="status">{t('staff.invited', { email: invited })}</Alert>}
        <Button type="submit" loading={invite.isPending} disabled={empty} w="fit-content">{t('staff.invite')}</Button>
      </Stack>
    </form>
  );
}
