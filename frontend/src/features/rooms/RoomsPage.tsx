import { useState } from 'react';
import { Button, Group, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Room } from '../../lib/api/client';
import { useT } from '../../i18n/i18n';
import { ErrorAlert, PageState } from '../../components/ui/PageState';
import { useMe } from '../../app/useMe';

export function RoomsPage() {
  const { t } = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const rooms = useQuery({ queryKey: ['rooms'], queryFn: () => call(api.GET('/v1/rooms')) });
  const [name, setName] = useState('');
  const invalidate = () => {
    void queryClient.invalidateQueries({ queryKey: ['rooms'] });
    void queryClient.invalidateQueries({ queryKey: ['calendar'] });
  };
  const create = useMutation({
    mutationFn: (n: string) => call(api.POST('/v1/rooms', { body: { name: n } })),
    onSuccess: () => {
      setName('');
      invalidate();
    },
  });

  return (
    <Stack>
      <Title order={2}>{t('rooms.title')}</Title>
      {me.data && <Text size="sm" c="gray.7">{t('rooms.limit', { n: me.data.limits.rooms })}</Text>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate(name.trim());
        }}
      >
        <Group align="flex-end">
          <TextInput label={t('rooms.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={80} />
          <Button type="submit" loading={create.isPending}>
            {t('rooms.create')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={create.error} />
      {rooms.isPending ? (
        <PageState loading />
      ) : rooms.error ? (
        <PageState error={rooms.error} />
      ) : rooms.data.items.length === 0 ? (
        <Text>{t('rooms.empty')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rooms.name')}</Table.Th>
              <Table.Th>{t('rooms.shared')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rooms.data.items.map((room) => (
              <RoomRow key={room.id} room={room} onChanged={invalidate} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function RoomRow({ room, onChanged }: { room: Room; onChanged: () => void }) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(room.name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const update = useMutation({
    mutationFn: (body: { name?: string; shared?: boolean }) => call(api.PATCH('/v1/rooms/{roomId}', { params: { path: { roomId: room.id } }, body })),
    onSuccess: () => {
      setEditing(false);
      onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () => call(api.DELETE('/v1/rooms/{roomId}', { params: { path: { roomId: room.id } } })),
    onSuccess: onChanged,
  });
  return (
    <>
      <Table.Tr data-testid={`room-${room.name}`}>
        <Table.Td>
          {editing ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                update.mutate({ name: name.trim() });
              }}
            >
              <Group gap="xs">
                <TextInput aria-label={t('rooms.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={80} />
                <Button type="submit" size="xs" loading={update.isPending}>
                  {t('rooms.save')}
                </Button>
              </Group>
            </form>
          ) : (
            room.name
          )}
        </Table.Td>
        <Table.Td>
          <Switch
            aria-label={`${t('rooms.shared')}: ${room.name}`}
            checked={room.shared}
            disabled={update.isPending}
            onChange={(e) => update.mutate({ shared: e.currentTarget.checked })}
          />
        </Table.Td>
        <Table.Td>
          <Group gap="xs" justify="flex-end">
            {!editing && (
              <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                {t('rooms.rename')}
              </Button>
            )}
            {confirmDelete ? (
              <>
                <Text size="sm">{t('rooms.deleteConfirm', { name: room.name })}</Text>
                <Button size="xs" color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
                  {t('rooms.delete')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setConfirmDelete(false)}>
                  {t('booking.cancel')}
                </Button>
              </>
            ) : (
              <Button size="xs" color="red.9" variant="outline" onClick={() => setConfirmDelete(true)}>
                {t('rooms.delete')}
              </Button>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {(update.error || remove.error) && (
        <Table.Tr>
          <Table.Td colSpan={3}>
            <ErrorAlert error={update.error ?? remove.error} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
