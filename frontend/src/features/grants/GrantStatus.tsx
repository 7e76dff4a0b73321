import { Badge } from '@mantine/core';
import { useT } from '../../i18n/i18n';

const COLOURS: Record<string, string> = { OFFERED: 'yellow.3', ACTIVE: 'teal.9', REVOKED: 'gray.7', EXPIRED: 'gray.7', DECLINED: 'gray.7' };

export function GrantStatus({ status }: { status: string }) {
  const { t } = useT();
  return <Badge autoContrast color={COLOURS[status] ?? 'gray.7'} variant="filled">{t(`grants.status.${status}`)}</Badge>;
}
