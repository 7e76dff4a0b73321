import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { ApiError } from '../../lib/api/errors';
import { useT } from '../../i18n/i18n';
import { ErrorAlert, PageState } from '../../components/ui/PageState';

export function CommunityPage() {
  const { t, locale } = useT();
  const queryClient = useQueryClient();
  const community = useQuery({
    queryKey: ['community'],
    // 404: not in a community yet, which is a state, not an error
    queryFn: () => call(api.GET('/v1/community')).catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
  });
  const invitations = useQuery({ queryKey: ['invitations'], queryFn: () => call(api.GET('/v1/community/invitations')) });
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['community'] });
    void queryClient.invalidateQueries({ queryKey: ['invitations'] });
    void queryClient.invalidateQueries({ queryKey: ['calendar'] });
  };
  const invite = useMutation({
    mutationFn: (inviteeEmail: string) => call(api.POST('/v1/community/invitations', { body: { inviteeEmail } })),
    onSuccess: () => {
      setEmail('');
      setSent(true);
      refresh();
    },
  });
  const answer = useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) =>
      accept
        ? call(api.POST('/v1/community/invitations/{invitationId}/accept', { params: { path: { invitationId: id } } }))
        : call(api.POST('/v1/community/invitations/{invitationId}/decline', { params: { path: { invitationId: id } } })),
    onSuccess: refresh,
  });
  const leave = useMutation({
    mutationFn: (accountId: string) => call(api.DELETE('/v1/community/members/{accountId}', { params: { path: { accountId } } })),
    onSuccess: refresh,
  });
  const me = community.data?.members.find((m) => m.me);
  const pendingIncoming = invitations.data?.incoming.filter((i) => i.status === 'PENDING') ?? [];
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));

  return (
    <Stack>
      <Title order={2}>{t('community.title')}</Title>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('community.invite')}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setSent(false);
            invite.mutate(email.trim());
          }}
        >
          <Group align="flex-end">
            <TextInput type="email" label={t('community.inviteEmail')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} required />
            <Button type="submit" loading={invite.isPending}>
              {t('community.inviteSubmit')}
            </Button>
          </Group>
        </form>
        <ErrorAlert error={invite.error} />
        {sent && <Alert color="green" mt="xs" role="status">{t('community.invited')}</Alert>}
      </Card>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('community.incoming')}
        </Title>
        <ErrorAlert error={answer.error} />
        {invitations.isPending ? (
          <PageState loading />
        ) : pendingIncoming.length === 0 ? (
          <Text>{t('community.noInvitations')}</Text>
        ) : (
          <Stack>
            {pendingIncoming.map((inv) => (
              <Group key={inv.id} justify="space-between" data-testid="incoming-invitation">
                <Text>
                  {t('community.from', { name: inv.inviterName })} · {date(inv.createdAt)}
                </Text>
                <Group gap="xs">
                  <Button size="xs" onClick={() => answer.mutate({ id: inv.id, accept: true })}>
                    {t('community.accept')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => answer.mutate({ id: inv.id, accept: false })}>
                    {t('community.decline')}
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        {(invitations.data?.outgoing.length ?? 0) > 0 && (
          <>
            <Title order={4} size="h5" mt="md">
              {t('community.outgoing')}
            </Title>
            <List>
              {invitations.data!.outgoing.map((inv) => (
                <List.Item key={inv.id}>
                  {inv.inviteeEmail} · {inv.status} · {date(inv.createdAt)}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Card>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('community.members')}
        </Title>
        {community.isPending ? (
          <PageState loading />
        ) : community.error ? (
          <PageState error={community.error} />
        ) : !community.data ? (
          <Text>{t('community.none')}</Text>
        ) : (
          <Stack>
            <List>
              {community.data.members.map((m) => (
                <List.Item key={m.accountId}>
                  {m.practiceName} {m.me && t('community.me')} {m.owner && <Badge size="xs">{t('community.owner')}</Badge>}
                  {me?.owner && !m.me && (
                    <Button size="compact-xs" variant="default" color="red.9" ml="xs" onClick={() => leave.mutate(m.accountId)}>
                      {t('community.remove')}
                    </Button>
                  )}
                </List.Item>
              ))}
            </List>
            <Title order={4} size="h5">
              {t('community.sharedRooms')}
            </Title>
            <List>
              {community.data.sharedRooms.map((r) => (
                <List.Item key={r.roomId}>
                  {r.name} {r.mine ? t('community.me') : `· ${community.data!.members.find((m) => m.accountId === r.accountId)?.practiceName ?? ''}`}
                </List.Item>
              ))}
            </List>
            <ErrorAlert error={leave.error} />
            {me && (
              <Button color="red.9" variant="outline" onClick={() => leave.mutate(me.accountId)} loading={leave.isPending} w="fit-content">
                {t('community.leave')}
              </Button>
            )}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
