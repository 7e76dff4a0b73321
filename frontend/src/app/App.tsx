import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Center, Loader } from '@mantine/core';
import { Providers } from './providers';
import { Shell } from './Shell';
import { useSession } from '../lib/auth/useSession';
import { LoginPage } from '../features/auth/LoginPage';
import { SignupPage } from '../features/auth/SignupPage';
import { ConfirmPage } from '../features/auth/ConfirmPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { RoomsPage } from '../features/rooms/RoomsPage';
import { CommunityPage } from '../features/community/CommunityPage';
import { BookingSettingsPage } from '../features/booking-settings/BookingSettingsPage';
import { GrantsPage } from '../features/grants/GrantsPage';
import { DelegatedPage } from '../features/grants/DelegatedPage';
import { StaffPage } from '../features/staff/StaffPage';
import { AuditPage } from '../features/audit/AuditPage';
import { IntegrationsPage } from '../features/integrations/IntegrationsPage';
import { InvoicesPage } from '../features/invoices/InvoicesPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { ClientDetailPage } from '../features/clients/ClientDetailPage';
import { PublicBookingPage } from '../features/public-booking/PublicBookingPage';
import { ManagePage } from '../features/public-booking/ManagePage';
import { useT } from '../i18n/i18n';

function RequireLogin({ children }: { children: React.ReactNode }) {
  const { signedIn, ready } = useSession();
  const location = useLocation();
  const { t } = useT();
  if (!ready) {
    return (
      <Center h="100vh" role="status" aria-label={t('app.loading')}>
        <Loader />
      </Center>
    );
  }
  if (!signedIn) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/signup" element={<SignupPage />} />
      <Route path="/confirm" element={<ConfirmPage />} />
      <Route path="/book/:therapistId" element={<PublicBookingPage />} />
      <Route path="/manage/:bookingId" element={<ManagePage />} />
      <Route
        element={
          <RequireLogin>
            <Shell />
          </RequireLogin>
        }
      >
        <Route path="/calendar" element={<CalendarPage />} />
        <Route path="/clients" element={<ClientsPage />} />
        <Route path="/clients/:clientId" element={<ClientDetailPage />} />
        <Route path="/rooms" element={<RoomsPage />} />
        <Route path="/community" element={<CommunityPage />} />
        <Route path="/booking-settings" element={<BookingSettingsPage />} />
        <Route path="/grants" element={<GrantsPage />} />
        <Route path="/delegated" element={<DelegatedPage />} />
        <Route path="/delegated/:accountId" element={<DelegatedPage />} />
        <Route path="/staff" element={<StaffPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/integrations" element={<IntegrationsPage />} />
        <Route path="/invoices" element={<InvoicesPage />} />
      </Route>
      <Route path="*" element={<Navigate to="/calendar" replace />} />
    </Routes>
  );
}

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  );
}
