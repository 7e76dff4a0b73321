import { Alert, AppShell, Burger, Button, Group, NavLink, SegmentedControl, Text, Title, Badge } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { session } from '../lib/api/client';
import { landing, navigation } from '../lib/authorization/navigation';
import { useT, type Lang } from '../i18n/i18n';
import { principalOf, useMe, useReceivedGrants } from './useMe';
import { PageState } from '../components/ui/PageState';

export function Shell() {
  const { t, lang, setLang } = useT();
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const grants = useReceivedGrants();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const logout = () => {
    session.logout();
    queryClient.clear();
    navigate('/login', { replace: true });
  };

  const items = me.data ? navigation(principalOf(me.data, grants.data?.received)) : [];

  // a part the caller may not use (e.g. invoices for the front desk) is not reachable by typing its URL either;
  // staff land on the first part their scopes include (accounting: the audit trail or invoices, not the calendar)
  const where = me.data && !grants.isPending ? landing(items, location.pathname) : ({ kind: 'stay' } as const);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.label')} />
            <Title order={1} size="h3">
              {t('app.name')}
            </Title>
            {me.data && (
              <Text size="sm" c="gray.7" visibleFrom="xs" data-testid="practice-name">
                {me.data.practiceName} · Tarif {me.data.plan}
              </Text>
            )}
          </Group>
          <Group wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label={t('app.language')}
              value={lang}
              onChange={(v) => setLang(v as Lang)}
              data={[
                { value: 'de', label: 'DE' },
                { value: 'en', label: 'EN' },
              ]}
            />
            <Button variant="default" size="xs" onClick={logout}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {items.map((item) =>
          item.requiredPlan ? (
            <NavLink
              key={item.section}
              component={Link}
              to={item.path}
              onClick={close}
              label={t(`nav.${item.section}`)}
              rightSection={<Badge size="xs" color="gray" variant="outline">{t('nav.planRequired', { plan: item.requiredPlan })}</Badge>}
              c="gray.7"
              variant="filled"
              active={location.pathname.startsWith(item.path)}
            />
          ) : (
            <NavLink
              key={item.section}
              component={Link}
              to={item.path}
              onClick={close}
              label={t(`nav.${item.section}`)}
              variant="filled"
              active={location.pathname.startsWith(item.path)}
              aria-current={location.pathname.startsWith(item.path) ? 'page' : undefined}
            />
          ),
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main">
        {me.isPending ? (
          <PageState loading />
        ) : me.error ? (
          <PageState error={me.error} />
        ) : where.kind === 'redirect' ? (
          <Navigate to={where.to} replace />
        ) : where.kind === 'nothing' ? (
          <Alert color="gray" data-testid="no-sections">{t('nav.nothing')}</Alert>
        ) : (
          <Outlet />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
