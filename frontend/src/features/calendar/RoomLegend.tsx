import { Badge, Group, NativeSelect } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { BLOCK_COLOUR, BUSY_COLOUR, roomColour } from './rooms';

/** The room switcher and the colour legend: one colour per room, grey "belegt", slate blocked time. */
export function RoomLegend({ rooms, filter, onFilter, withBlocks }: {
  rooms: { id: string; name: string }[];
  filter: string | null;
  onFilter: (roomId: string | null) => void;
  withBlocks: boolean;
}) {
  const { t } = useT();
  const roomIds = rooms.map((r) => r.id);
  return (
    <Group gap="xs" aria-label={t('calendar.rooms')} role="group">
      <NativeSelect
        aria-label={t('calendar.rooms')}
        value={filter ?? ''}
        onChange={(e) => onFilter(e.currentTarget.value || null)}
        data={[{ value: '', label: `${t('calendar.rooms')}: ${t('calendar.allRooms')}` }, ...rooms.map((r) => ({ value: r.id, label: r.name }))]}
      />
      {rooms.map((r) => (
        <Badge key={r.id} color={roomColour(roomIds, r.id)} variant="filled" autoContrast>
          {r.name}
        </Badge>
      ))}
      <Badge color="gray" variant="filled" styles={{ root: { background: BUSY_COLOUR } }}>{t('calendar.busy')}</Badge>
      {withBlocks && <Badge variant="filled" className="block-legend" styles={{ root: { background: BLOCK_COLOUR } }}>{t('block.legend')}</Badge>}
    </Group>
  );
}
