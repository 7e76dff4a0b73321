import { Anchor, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { blockedMinutes, newServiceId, type Service } from './services';

const num = (v: string | number) => (v === '' ? undefined : Number(v));

/**
 * Services with duration and buffers. A new service gets its id from its name until it is saved; a saved one keeps
 * its id (it is part of the public booking link).
 */
export function ServicesEditor({ services, savedIds, linkFor, onChange }: {
  services: Service[];
  savedIds: ReadonlySet<string>;
  linkFor: (serviceId: string) => string | null;
  onChange: (next: Service[]) => void;
}) {
  const { t } = useT();
  const set = (i: number, patch: Partial<Service>) => onChange(services.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const rename = (i: number, name: string) => {
    const s = services[i];
    const others = services.filter((_, j) => j !== i);
    set(i, savedIds.has(s.id) ? { name } : { name, id: newServiceId(name, others) });
  };
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">{t('settings.services')}</Title>
      <Stack>
        {services.length === 0 && <Text size="sm" c="gray.7">{t('settings.noServices')}</Text>}
        {services.map((s, i) => {
          const link = savedIds.has(s.id) ? linkFor(s.id) : null;
          const n = i + 1;
          return (
            <Stack key={i} gap={4} data-testid="service" role="group" aria-label={s.name || t('settings.serviceN', { n })}>
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <TextInput label={t('settings.serviceName')} value={s.name} maxLength={80} required onChange={(e) => rename(i, e.currentTarget.value)} />
                <NumberInput label={t('settings.serviceDuration')} min={5} max={720} step={5} allowDecimal={false} required value={s.durationMinutes}
                  onChange={(v) => set(i, { durationMinutes: Number(v) })} />
                <NumberInput label={t('settings.bufferBefore')} min={0} max={240} allowDecimal={false} value={s.bufferBeforeMinutes ?? ''}
                  onChange={(v) => set(i, { bufferBeforeMinutes: num(v) })} />
                <NumberInput label={t('settings.bufferAfter')} min={0} max={240} allowDecimal={false} value={s.bufferAfterMinutes ?? ''}
                  onChange={(v) => set(i, { bufferAfterMinutes: num(v) })} />
              </SimpleGrid>
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" c="gray.7">
                  {t('settings.blocks', { n: blockedMinutes(s) })}
                  {link && (
                    <>
                      {' · '}{t('settings.publicLink')}: <Anchor href={link} data-testid="public-link">{link}</Anchor>
                    </>
                  )}
                </Text>
                <Button variant="default" color="red.9" size="xs" aria-label={`${s.name || t('settings.serviceN', { n })}: ${t('settings.remove')}`}
                  onClick={() => onChange(services.filter((_, j) => j !== i))}>
                  {t('settings.remove')}
                </Button>
              </Group>
            </Stack>
          );
        })}
        <Button variant="default" w="fit-content" disabled={services.length >= 50}
          onClick={() => onChange([...services, { id: newServiceId(t('settings.newServiceName'), services), name: '', durationMinutes: 50 }])}>
          {t('settings.addService')}
        </Button>
      </Stack>
    </Card>
  );
}
