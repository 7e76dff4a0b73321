import { Alert, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMe, principalOf } from '../../app/useMe';
import { navigation, type Section } from '../../lib/authorization/navigation';
import { useT } from '../../i18n/i18n';

/** A plan feature the plan does not include is explained ("ab Tarif L"), not hidden behind an error. */
export function PlanGate({ section, title, children }: { section: Section; title: string; children: ReactNode }) {
  const { t } = useT();
  const me = useMe();
  if (!me.data) return null;
  const item = navigation(principalOf(me.data)).find((i) => i.section === section);
  if (item?.requiredPlan) {
    return (
      <>
        <Title order={2} mb="md">{title}</Title>
        <Alert color="gray" title={t('plan.locked.title')} data-testid="plan-locked">
          {t('plan.locked.body', { plan: item.requiredPlan, current: me.data.plan })}
        </Alert>
      </>
    );
  }
  return <>{children}</>;
}
