import { Alert, Center, Loader } from '@mantine/core';
import { errorMessage } from '../../lib/api/errors';
import { useT } from '../../i18n/i18n';

export function PageState({ loading, error }: { loading?: boolean; error?: unknown }) {
  const { t } = useT();
  if (loading) {
    return (
      <Center p="xl" role="status" aria-label={t('app.loading')}>
        <Loader />
      </Center>
    );
  }
  return (
    <Alert color="red.9" role="alert">
      {errorMessage(t, error)}
    </Alert>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useT();
  if (!error) return null;
  return (
    <Alert color="red.9" role="alert" data-testid="form-error">
      {errorMessage(t, error)}
    </Alert>
  );
}
