import { useState } from 'react';
import { Anchor, Button, Container, Paper, PasswordInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import { api, call } from '../../lib/api/client';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import { browserZone } from '../../lib/time/zone';
import { rememberSignup } from './pendingSignup';

export function SignupPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [form, setForm] = useState({ email: '', password: '', practiceName: '', plan: 'M' as 'S' | 'M' | 'L' | 'XL' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // the API accepts these zones; any other browser zone signs up with the default (Europe/Berlin)
      const zones = ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'Europe/London', 'UTC', 'America/New_York'] as const;
      const zone = zones.find((z) => z === browserZone());
      await call(
        api.POST('/v1/signup', {
          body: { ...form, email: form.email.trim(), ...(zone ? { timeZone: zone } : {}) },
        }),
      );
      rememberSignup(form.email.trim(), form.password);
      navigate(`/confirm?email=${encodeURIComponent(form.email.trim())}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size={460} py="xl">
      <main>
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={1} size="h2">
                {t('signup.title')}
              </Title>
              <ErrorAlert error={error} />
              <TextInput label={t('signup.practiceName')} required value={form.practiceName} onChange={(e) => setForm({ ...form, practiceName: e.currentTarget.value })} />
              <TextInput label={t('login.email')} type="email" autoComplete="username" required value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} />
              <PasswordInput
                label={t('login.password')}
                description={t('signup.passwordHint')}
                autoComplete="new-password"
                required
                value={form.password}
                onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
              />
              <Select
                label={t('signup.plan')}
                value={form.plan}
                allowDeselect={false}
                onChange={(v) => setForm({ ...form, plan: (v ?? 'M') as typeof form.plan })}
                data={['S', 'M', 'L', 'XL']}
              />
              <Button type="submit" loading={busy}>
                {t('signup.submit')}
              </Button>
              <Anchor component={Link} to="/login" size="sm">
                {t('signup.toLogin')}
              </Anchor>
            </Stack>
          </form>
        </Paper>
      </main>
    </Container>
  );
}
