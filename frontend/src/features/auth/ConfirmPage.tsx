import { useState } from 'react';
import { Alert, Button, Container, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import { api, call } from '../../lib/api/client';
import { forgetSignup, pendingPassword } from './pendingSignup';

export function ConfirmPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const remembered = pendingPassword(params.get('email') ?? '');
  const [password, setPassword] = useState(remembered ?? '');
  const [error, setError] = useState<unknown>(null);
  const [resent, setResent] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(api.POST('/v1/signup/confirm', { body: { email: email.trim(), code: code.trim(), password } }));
      forgetSignup();
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
      await call(api.POST('/v1/signup/resend', { body: { email: email.trim() } }));
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
              {!remembered && (
                <PasswordInput label={t('login.password')} description={t('confirm.passwordHint')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
              )}
              <Group>
                <Button type="submit" loading={busy}>
                  {t('confirm.submit')}
                </Button>
                <Button variant="default" onClick={resend}>
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
