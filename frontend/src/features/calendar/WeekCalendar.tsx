import { forwardRef } from 'react';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin from '@fullcalendar/interaction';
import luxonPlugin from '@fullcalendar/luxon3';
import deLocale from '@fullcalendar/core/locales/de';
import enLocale from '@fullcalendar/core/locales/en-gb';
import type { DatesSetArg, DateSelectArg, EventClickArg, EventContentArg, EventDropArg, EventInput } from '@fullcalendar/core';
import type { EventResizeDoneArg } from '@fullcalendar/interaction';

export interface WeekCalendarProps {
  zone: string;
  lang: string;
  events: EventInput[];
  editable: boolean;
  onRange: (range: { from: string; to: string }) => void;
  onSelect?: (start: string, end: string) => void;
  onOpen?: (id: string) => void;
  onMove?: (id: string, start: string, end: string, revert: () => void) => void;
  onOpenBlock?: (blockId: string) => void;
  onMoveBlock?: (blockId: string, start: string, end: string, revert: () => void) => void;
}

function content(arg: EventContentArg) {
  const p = arg.event.extendedProps as { kind: string; roomName: string; online?: string; series?: string };
  return (
    <div className="fc-event-main-frame" data-kind={p.kind}>
      <div className="fc-event-time">
        {arg.timeText}
        {p.series && (
          <span className="series-marker" data-testid="series-marker">
            {' '}
            <span aria-hidden="true">↻</span> {p.series}
          </span>
        )}
      </div>
      <div className="fc-event-title-container">
        <div className="fc-event-title">{arg.event.title}</div>
        {p.roomName && <div>{p.roomName}</div>}
        {p.online && <div>{p.online}</div>}
      </div>
    </div>
  );
}

function moved(props: WeekCalendarProps, event: EventDropArg['event'], revert: () => void) {
  if (event.extendedProps.kind === 'block') props.onMoveBlock?.(event.extendedProps.blockId as string, event.startStr, event.endStr, revert);
  else props.onMove?.(event.id, event.startStr, event.endStr, revert);
}

const PLUGINS = [timeGridPlugin, interactionPlugin, luxonPlugin];
const LOCALES = [deLocale, enLocale];

/** FullCalendar's MIT week grid: days as columns, hours as rows, in the practice's time zone (luxon plugin). */
export const WeekCalendar = forwardRef<FullCalendar, WeekCalendarProps>(function WeekCalendar(props, ref) {
  return (
    <FullCalendar
      ref={ref}
      plugins={PLUGINS}
      initialView="timeGridWeek"
      timeZone={props.zone}
      locales={LOCALES}
      locale={props.lang === 'en' ? 'en-gb' : 'de'}
      headerToolbar={false}
      firstDay={1}
      allDaySlot={false}
      nowIndicator
      slotDuration="00:30:00"
      slotMinTime="06:00:00"
      slotMaxTime="22:00:00"
      scrollTime="07:30:00"
      height="auto"
      expandRows
      selectable={!!props.onSelect}
      eventColor="#1c4f8a"
      editable={props.editable}
      eventInteractive
      eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
      eventDurationEditable={props.editable}
      events={props.events}
      eventContent={content}
      datesSet={(arg: DatesSetArg) => props.onRange({ from: arg.startStr, to: arg.endStr })}
      select={(arg: DateSelectArg) => props.onSelect?.(arg.startStr, arg.endStr)}
      eventClick={(arg: EventClickArg) => {
        if (arg.event.extendedProps.kind === 'booking') props.onOpen?.(arg.event.id);
        if (arg.event.extendedProps.kind === 'block') props.onOpenBlock?.(arg.event.extendedProps.blockId as string);
      }}
      eventDrop={(arg: EventDropArg) => moved(props, arg.event, arg.revert)}
      eventResize={(arg: EventResizeDoneArg) => moved(props, arg.event, arg.revert)}
    />
  );
});
