import { useState } from 'react';
import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { session } from '../../lib/api/client';
import { CognitoError, NewPasswordRequired } from '../../lib/auth/cognito';
import { useT } from '../../i18n/i18n';
import { errorMessage } from '../../lib/api/errors';

export function LoginPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState((location.state as { email?: string } | null)?.email ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<NewPasswordRequired | null>(null);
  const [newPassword, setNewPassword] = useState('');
  const expired = session.expired;
  const confirmed = (location.state as { confirmed?: boolean } | null)?.confirmed;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (challenge) await session.completeNewPassword(challenge, newPassword);
      else await session.login(email.trim(), password);
      queryClient.clear();
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/calendar', { replace: true });
    } catch (err) {
      if (err instanceof NewPasswordRequired) {
        setChallenge(err);
      } else if (err instanceof CognitoError && err.type === 'InvalidPasswordException') {
        setError(t('error.WEAK_PASSWORD'));
      } else if (err instanceof CognitoError) {
        if (err.type === 'UserNotConfirmedException') {
          setError(t('login.unconfirmed'));
          navigate(`/confirm?email=${encodeURIComponent(email.trim())}`);
        } else setError(t('login.failed'));
      } else setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size={420} py="xl">
      <main>
        <Title order={1} ta="center" mb="md">
          practicecal
        </Title>
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={2} size="h3">
                {t('login.title')}
              </Title>
              {expired && <Alert color="yellow">{t('login.sessionExpired')}</Alert>}
              {confirmed && <Alert color="green">{t('confirm.done')}</Alert>}
              {error && (
                <Alert color="red.9" role="alert">
                  {error}
                </Alert>
              )}
              <TextInput label={t('login.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
              <PasswordInput label={t('login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} disabled={!!challenge} />
              {challenge && (
                <>
                  <Alert color="blue">{t('login.newPasswordRequired')}</Alert>
                  <PasswordInput label={t('login.newPassword')} description={t('signup.passwordHint')} autoComplete="new-password" required value={newPassword} onChange={(e) => setNewPassword(e.currentTarget.value)} />
                </>
              )}
              <Button type="submit" loading={busy}>
                {t('login.submit')}
              </Button>
              <Anchor component={Link} to="/signup" size="sm">
                {t('login.toSignup')}
              </Anchor>
            </Stack>
          </form>
        </Paper>
      </main>
    </Container>
  );
}
