import { useMe } from '../../app/useMe';
import { useT } from '../../i18n/i18n';
import { CalendarScreen } from './CalendarScreen';
import { ownCalendar } from './calendarApi';

export function CalendarPage() {
  const { t } = useT();
  const me = useMe();
  if (!me.data) return null;
  return <CalendarScreen source={ownCalendar} zone={me.data.timeZone} title={t('calendar.title')} canWrite withClientContact />;
}
