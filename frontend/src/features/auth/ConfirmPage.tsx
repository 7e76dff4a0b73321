import { useState } from 'react';
import { Alert, Button, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import { postJson } from '../../lib/api/raw';

export function ConfirmPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [resent, setResent] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await postJson('/v1/signup/confirm', { email: email.trim(), code: code.trim() });
      navigate('/login', { state: { email: email.trim(), confirmed: true } });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const resend = async () => {
    setError(null);
    try {
      await postJson('/v1/signup/resend', { email: email.trim() });
      setResent(true);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Container size={460} py="xl">
      <main>
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={1} size="h2">
                {t('confirm.title')}
              </Title>
              {params.get('email') && <Text>{t('confirm.body', { email })}</Text>}
              <ErrorAlert error={error} />
              {resent && <Alert color="green">{t('confirm.resent')}</Alert>}
              <TextInput label={t('login.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
              <TextInput label={t('confirm.code')} required autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(e) => setCode(e.currentTarget.value)} />
              <Group>
                <Button type="submit" loading={busy}>
                  {t('confirm.submit')}
                </Button>
                <Button variant="subtle" onClick={resend}>
                  {t('confirm.resend')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </main>
    </Container>
  );
}
